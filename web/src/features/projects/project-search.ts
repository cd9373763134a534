import { type ProjectStatus, projectSorts, projectStatuses } from '../../../../contracts/portfolio';
import type { QueryParams } from '../../lib/api';

export type ProjectSort = (typeof projectSorts)[number];

/** The project list's filter state, kept in the URL so links and the back button work. */
export interface ProjectSearch {
  q?: string;
  programmeId?: number;
  fieldOfActionId?: number;
  status?: ProjectStatus;
  regionId?: number;
  partner?: boolean;
  sort?: ProjectSort;
  page?: number;
}

export const projectPageSize = 25;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseProjectSearch(raw: Record<string, unknown>): ProjectSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const partner = raw.partner === true || raw.partner === 'true';
  const search: ProjectSearch = {
    q: q || undefined,
    programmeId: positiveInt(raw.programmeId),
    fieldOfActionId: positiveInt(raw.fieldOfActionId),
    status: oneOf(projectStatuses, raw.status),
    regionId: positiveInt(raw.regionId),
    partner: partner || undefined,
    sort: oneOf(projectSorts, raw.sort),
    page: positiveInt(raw.page),
  };
  // A field of action only means something within its programme.
  if (!search.programmeId) search.fieldOfActionId = undefined;
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as ProjectSearch;
}

/** True when any filter narrows the list (sorting and paging do not). */
export function hasFilters(search: ProjectSearch): boolean {
  return Boolean(
    search.q || search.programmeId || search.fieldOfActionId || search.status || search.regionId || search.partner,
  );
}

/** The filters and order as the API's query parameters — the same for the list and its export. */
export function projectFilterParams(search: ProjectSearch): QueryParams {
  return {
    q: search.q,
    programmeId: search.programmeId,
    fieldOfActionId: search.fieldOfActionId,
    status: search.status,
    regionId: search.regionId,
    isPartnerProject: search.partner ? 'true' : undefined,
    sort: search.sort,
  };
}
