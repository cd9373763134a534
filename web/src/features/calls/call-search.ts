import { type CallStatus, callStatuses } from '../../../../contracts/calls';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import type { QueryParams } from '../../lib/api';

/** The call list's filter state, kept in the URL so links and the back button work. */
export interface CallSearch {
  q?: string;
  status?: CallStatus;
  programmeId?: number;
  type?: OrganisationType;
  regionId?: number;
  nace?: string;
  page?: number;
}

export const callPageSize = 25;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseCallSearch(raw: Record<string, unknown>): CallSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const nace = typeof raw.nace === 'string' || typeof raw.nace === 'number' ? String(raw.nace).trim() : '';
  const search: CallSearch = {
    q: q || undefined,
    status: oneOf(callStatuses, raw.status),
    programmeId: positiveInt(raw.programmeId),
    type: oneOf(organisationTypes, raw.type),
    regionId: positiveInt(raw.regionId),
    nace: /^([A-U]|\d{2}(\.\d{1,2})?)$/.test(nace) ? nace : undefined,
    page: positiveInt(raw.page),
  };
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as CallSearch;
}

/** True when any filter narrows the list (paging does not). */
export function hasCallFilters(search: CallSearch): boolean {
  return Boolean(search.q || search.status || search.programmeId || search.type || search.regionId || search.nace);
}

/** The filters as the API's query parameters. */
export function callFilterParams(search: CallSearch): QueryParams {
  return {
    q: search.q,
    status: search.status,
    programmeId: search.programmeId,
    type: search.type,
    regionId: search.regionId,
    nace: search.nace,
  };
}
