import { organisationTypes } from '../../../../contracts/portfolio';
import { type SearchQuery, searchKinds } from '../../../../contracts/search';

/** The results page's query and facet filters, kept in the URL so a search can be linked. */
export type SearchPageSearch = Partial<
  Pick<SearchQuery, 'q' | 'kind' | 'type' | 'regionId' | 'sector' | 'programmeId'>
>;

/** The facet filters of the results page, named like their URL parameters. */
export const facetParams = ['kind', 'type', 'regionId', 'sector', 'programmeId'] as const;
export type FacetParam = (typeof facetParams)[number];

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseSearchPageSearch(raw: Record<string, unknown>): SearchPageSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const sector = typeof raw.sector === 'string' ? raw.sector.toUpperCase() : undefined;
  const search: SearchPageSearch = {
    q: q || undefined,
    kind: oneOf(searchKinds, raw.kind),
    type: oneOf(organisationTypes, raw.type),
    regionId: positiveInt(raw.regionId),
    sector: sector && /^[A-U]$/.test(sector) ? sector : undefined,
    programmeId: positiveInt(raw.programmeId),
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as SearchPageSearch;
}

/** The URL value a facet's value stands for ("42" → 42 for ids). */
export function facetValue(param: FacetParam, value: string): string | number {
  return param === 'regionId' || param === 'programmeId' ? Number(value) : value;
}
