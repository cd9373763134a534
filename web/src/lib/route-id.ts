/** A positive integer id from a route parameter, or undefined for anything else ("abc", "0", "1.5"). */
export function parseRouteId(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
