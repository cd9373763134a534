/** The duplicate review's settings, kept in the URL. */
export interface DuplicatesSearch {
  threshold?: number;
  country?: string;
}

export const defaultThreshold = 0.75;
export const thresholds = [0.6, 0.7, 0.75, 0.8, 0.9] as const;

/** Reads the URL search params leniently: anything malformed is dropped rather than failing the page. */
export function parseDuplicatesSearch(raw: Record<string, unknown>): DuplicatesSearch {
  const threshold = Number(raw.threshold);
  const country = typeof raw.country === 'string' ? raw.country.trim().toUpperCase() : '';
  const search: DuplicatesSearch = {
    threshold:
      (thresholds as readonly number[]).includes(threshold) && threshold !== defaultThreshold ? threshold : undefined,
    country: /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as DuplicatesSearch;
}
