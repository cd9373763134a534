import { identifierSchemes, sizeClasses } from '../../../../contracts/organisations';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import type { QueryParams } from '../../lib/api';

/** Sort orders of the directory; no sort means relevance with a query, else the server's default. */
export const organisationSorts = ['name', '-name', 'projects', '-projects'] as const;
export type OrganisationSort = (typeof organisationSorts)[number];
export type SizeClass = (typeof sizeClasses)[number];

/** The directory's filter state, kept in the URL so links and the back button work. */
export interface OrganisationSearch {
  q?: string;
  type?: OrganisationType;
  regionId?: number;
  country?: string;
  identifier?: string;
  nace?: string;
  programmeId?: number;
  sizeClass?: SizeClass;
  sort?: OrganisationSort;
  page?: number;
}

export const organisationPageSize = 25;

const identifierPattern = new RegExp(`^(${identifierSchemes.join('|')}):.{1,100}$`);
const nacePattern = /^([A-U]|\d{2}(\.\d{1,2})?)$/;

/** "PIC: 999981731" → "pic:999981731"; null when it is not of the form `scheme:value`. */
export function normaliseIdentifier(text: string): string | null {
  const match = /^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(text);
  if (!match) return null;
  const identifier = `${match[1]?.toLowerCase()}:${match[2]}`;
  return identifierPattern.test(identifier) ? identifier : null;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value).trim().slice(0, 200) || undefined
    : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseOrganisationSearch(raw: Record<string, unknown>): OrganisationSearch {
  const country = text(raw.country)?.toUpperCase();
  const identifier = text(raw.identifier);
  const nace = text(raw.nace)?.toUpperCase();
  const search: OrganisationSearch = {
    q: text(raw.q),
    type: oneOf(organisationTypes, raw.type),
    regionId: positiveInt(raw.regionId),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    identifier: identifier ? (normaliseIdentifier(identifier) ?? undefined) : undefined,
    nace: nace && nacePattern.test(nace) ? nace : undefined,
    programmeId: positiveInt(raw.programmeId),
    sizeClass: oneOf(sizeClasses, raw.sizeClass),
    sort: oneOf(organisationSorts, raw.sort),
    page: positiveInt(raw.page),
  };
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as OrganisationSearch;
}

/** True when any filter narrows the list (sorting and paging do not). */
export function hasOrganisationFilters(search: OrganisationSearch): boolean {
  return Boolean(
    search.q ||
      search.type ||
      search.regionId ||
      search.country ||
      search.identifier ||
      search.nace ||
      search.programmeId ||
      search.sizeClass,
  );
}

/** The filters as the API's query parameters — the same for the list, its facet counts and its export. */
export function organisationFilterParams(search: OrganisationSearch): QueryParams {
  return {
    q: search.q,
    type: search.type,
    regionId: search.regionId,
    country: search.country,
    identifier: search.identifier,
    nace: search.nace,
    programmeId: search.programmeId,
    sizeClass: search.sizeClass,
  };
}
