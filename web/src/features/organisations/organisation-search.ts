import { identifierSchemes } from '../../../../contracts/organisations';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';

export const organisationSorts = ['relevance', 'name', '-projects'] as const;
export type OrganisationSort = (typeof organisationSorts)[number];

/** The directory's filter state, kept in the URL so links and the back button work. */
export interface OrganisationSearch {
  q?: string;
  type?: OrganisationType;
  regionId?: number;
  country?: string;
  identifier?: string;
  sort?: OrganisationSort;
  page?: number;
}

export const organisationPageSize = 25;

const identifierPattern = new RegExp(`^(${identifierSchemes.join('|')}):.{1,100}$`);

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
  const search: OrganisationSearch = {
    q: text(raw.q),
    type: oneOf(organisationTypes, raw.type),
    regionId: positiveInt(raw.regionId),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    identifier: identifier ? (normaliseIdentifier(identifier) ?? undefined) : undefined,
    sort: oneOf(organisationSorts, raw.sort),
    page: positiveInt(raw.page),
  };
  if (search.sort === 'relevance') search.sort = undefined;
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as OrganisationSearch;
}

/** True when any filter narrows the list (sorting and paging do not). */
export function hasOrganisationFilters(search: OrganisationSearch): boolean {
  return Boolean(search.q || search.type || search.regionId || search.country || search.identifier);
}
