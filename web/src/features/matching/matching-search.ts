import {
  type ContactStage,
  contactStages,
  type ProfileKind,
  type ProfileStatus,
  profileKinds,
  profileStatuses,
} from '../../../../contracts/matching';
import type { QueryParams } from '../../lib/api';

// The filter state of the matchmaking lists, kept in the URL so links and the back button work.
// Read leniently: anything malformed is dropped rather than failing the page.

export const profilePageSize = 20;
export const contactPageSize = 20;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  const trimmed = typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, max) : '';
  return trimmed || undefined;
}

function country(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** Drops undefined values and page 1, so the URL stays short. */
function compact<T extends { page?: number }>(search: T): T {
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;
}

/** "Partnersuche": published profiles by words (any language), kind and country. */
export interface ProfileSearch {
  q?: string;
  kind?: ProfileKind;
  country?: string;
  page?: number;
}

export function parseProfileSearch(raw: Record<string, unknown>): ProfileSearch {
  return compact({
    q: text(raw.q, 200),
    kind: oneOf(profileKinds, raw.kind),
    country: country(raw.country),
    page: positiveInt(raw.page),
  });
}

export function hasProfileFilters(search: ProfileSearch): boolean {
  return Boolean(search.q || search.kind || search.country);
}

export function profileFilterParams(search: ProfileSearch): QueryParams {
  return { q: search.q, kind: search.kind, country: search.country, status: 'published' };
}

/** "Meine Profile": the profiles of one organisation the person speaks for, in any status. */
export interface MyProfilesSearch {
  organisationId?: number;
  status?: ProfileStatus;
  page?: number;
}

export function parseMyProfilesSearch(raw: Record<string, unknown>): MyProfilesSearch {
  return compact({
    organisationId: positiveInt(raw.organisationId),
    status: oneOf(profileStatuses, raw.status),
    page: positiveInt(raw.page),
  });
}

/** "Prüfung": the submitted profiles of one agency (or of all the person reviews for). */
export interface ReviewSearch {
  agencyId?: number;
  page?: number;
}

export function parseReviewSearch(raw: Record<string, unknown>): ReviewSearch {
  return compact({ agencyId: positiveInt(raw.agencyId), page: positiveInt(raw.page) });
}

/** "Kontakte": the funnel by stage. */
export interface ContactSearch {
  stage?: ContactStage;
  page?: number;
}

export function parseContactSearch(raw: Record<string, unknown>): ContactSearch {
  return compact({ stage: oneOf(contactStages, raw.stage), page: positiveInt(raw.page) });
}

/** A new profile, for an organisation chosen before (the organisation page's button). */
export function parseNewProfileSearch(raw: Record<string, unknown>): { organisationId?: number } {
  const organisationId = positiveInt(raw.organisationId);
  return organisationId ? { organisationId } : {};
}
