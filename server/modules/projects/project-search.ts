/**
 * Turns what a user typed into a German tsquery: every word must match, the last ones also as
 * prefixes ("Wasserst" finds "Wasserstoff"). Only letters and digits pass, so the result is safe
 * to hand to to_tsquery. Returns null when nothing searchable is left.
 */
export function toPrefixTsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, 8).map((w) => `${w}:*`);
  return terms.length > 0 ? terms.join(' & ') : null;
}
