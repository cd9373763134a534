import { type FundingSource, fundingSources } from '../../../../contracts/portfolio';
import type { QueryParams } from '../../lib/api';

export const grantSorts = ['-decided', 'decided', '-amount', 'amount', 'title'] as const;
export type GrantSort = (typeof grantSorts)[number];

/** The grant list's filters, kept in the URL so links and the back button work. */
export interface GrantSearch {
  q?: string;
  programmeId?: number;
  source?: FundingSource;
  year?: number;
  sort?: GrantSort;
  page?: number;
}

export const grantPageSize = 25;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseGrantSearch(raw: Record<string, unknown>): GrantSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const year = positiveInt(raw.year);
  const search: GrantSearch = {
    q: q || undefined,
    programmeId: positiveInt(raw.programmeId),
    source: oneOf(fundingSources, raw.source),
    year: year !== undefined && year >= 1950 && year <= 2100 ? year : undefined,
    sort: oneOf(grantSorts, raw.sort),
    page: positiveInt(raw.page),
  };
  // The default order and the first page are not written to the URL.
  if (search.sort === '-decided') search.sort = undefined;
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as GrantSearch;
}

/** True when any filter narrows the list (sorting and paging do not). */
export function hasGrantFilters(search: GrantSearch): boolean {
  return Boolean(search.q || search.programmeId || search.source || search.year);
}

/** The filters and order as the API's query parameters. */
export function grantFilterParams(search: GrantSearch): QueryParams {
  return {
    q: search.q,
    programmeId: search.programmeId,
    source: search.source,
    year: search.year,
    sort: search.sort,
  };
}

type SortColumn = 'decided' | 'amount' | 'title';

/** What a click on a column head does: newest / largest first, then the other way; titles A–Z only. */
export function nextGrantSort(column: SortColumn, current: GrantSort | undefined): GrantSort | undefined {
  const active = current ?? '-decided';
  if (column === 'title') return active === 'title' ? undefined : 'title';
  const descending = `-${column}` as GrantSort;
  if (active === descending) return column as GrantSort;
  const next = descending;
  return next === '-decided' ? undefined : next;
}

/** The direction a column is sorted in, for aria-sort. */
export function sortDirection(column: SortColumn, current: GrantSort | undefined): 'ascending' | 'descending' | 'none' {
  const active = current ?? '-decided';
  if (active === column) return 'ascending';
  if (active === `-${column}`) return 'descending';
  return 'none';
}
