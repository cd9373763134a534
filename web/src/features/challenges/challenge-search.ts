import { challengeStatuses } from '../../../../contracts/matching';
import type { QueryParams } from '../../lib/api';

type ChallengeStatus = (typeof challengeStatuses)[number];

/** The challenge list's filter state, kept in the URL so links and the back button work. */
export interface ChallengeSearch {
  q?: string;
  status?: ChallengeStatus;
  /** A concept key: `tech:robotics`, `nace:26`. */
  concept?: string;
  page?: number;
}

export const challengePageSize = 20;

const conceptKey = /^(tech:[a-z0-9_]+|nace:[A-U0-9.]+)$/;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseChallengeSearch(raw: Record<string, unknown>): ChallengeSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const concept = typeof raw.concept === 'string' ? raw.concept.trim() : '';
  const status =
    typeof raw.status === 'string' && (challengeStatuses as readonly string[]).includes(raw.status)
      ? (raw.status as ChallengeStatus)
      : undefined;
  const search: ChallengeSearch = {
    q: q || undefined,
    status,
    concept: conceptKey.test(concept) ? concept : undefined,
    page: positiveInt(raw.page),
  };
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as ChallengeSearch;
}

/** True when any filter narrows the list (paging does not). */
export function hasChallengeFilters(search: ChallengeSearch): boolean {
  return Boolean(search.q || search.status || search.concept);
}

/** The filters as the API's query parameters. */
export function challengeFilterParams(search: ChallengeSearch): QueryParams {
  return { q: search.q, status: search.status, concept: search.concept };
}

/** The tabs of the owner side on a challenge's page. */
export const challengeTabs = ['responses', 'invitations', 'suggestions'] as const;
export type ChallengeTab = (typeof challengeTabs)[number];

/** The detail page's search params: which owner tab is open. */
export function parseChallengeDetailSearch(raw: Record<string, unknown>): { tab?: ChallengeTab } {
  return typeof raw.tab === 'string' && (challengeTabs as readonly string[]).includes(raw.tab)
    ? { tab: raw.tab as ChallengeTab }
    : {};
}
