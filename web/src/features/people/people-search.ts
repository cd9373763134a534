/** The people list's filter state, kept in the URL so links and the back button work. */
export interface PeopleSearch {
  q?: string;
  organisationId?: number;
  page?: number;
}

export const peoplePageSize = 25;

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parsePeopleSearch(raw: Record<string, unknown>): PeopleSearch {
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const search: PeopleSearch = {
    q: q || undefined,
    organisationId: positiveInt(raw.organisationId),
    page: positiveInt(raw.page),
  };
  if (search.page === 1) search.page = undefined;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as PeopleSearch;
}
