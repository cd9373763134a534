/** The report page's state in the URL: the date, a frozen version shown instead, two versions compared. */
export interface ReportSearch {
  asOf?: string;
  snapshot?: number;
  compare?: number;
  with?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Reads the search params leniently: anything malformed is dropped. */
export function parseReportSearch(raw: Record<string, unknown>): ReportSearch {
  const search: ReportSearch = {
    asOf: isoDate(raw.asOf),
    snapshot: positiveInt(raw.snapshot),
    compare: positiveInt(raw.compare),
    with: positiveInt(raw.with),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as ReportSearch;
}
