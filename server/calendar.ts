// Calendar days as ISO strings, by the German calendar: calls open and close, profiles expire,
// meetings are followed up, reports are dated and dashboards count months by the day in Berlin.

/** Today in Germany (Europe/Berlin) as an ISO date. */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** The ISO date `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ISO date `months` after `iso`, on the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = utc(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The later of two ISO dates. */
export const laterDate = (a: string, b: string): string => [a, b].sort()[1] ?? a;

/** `2026-03-01` → `01.03.2026`. */
export const germanDate = (iso: string): string => iso.split('-').reverse().join('.');
