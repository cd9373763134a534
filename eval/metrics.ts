/** Ranking metrics of link prediction: a ranked list of ids against the set of ids that came true. */

/** Share of the relevant ids found in the first k of the ranking (0 when nothing is relevant). */
export function recallAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  return hitsAtK(ranked, relevant, k).length / relevant.size;
}

/**
 * Normalised discounted cumulative gain with binary relevance: a hit at rank r (1-based) gains
 * 1 / log2(r + 1); the ideal ranking puts min(|relevant|, k) hits first.
 */
export function ndcgAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  const ideal = Math.min(relevant.size, k);
  if (ideal === 0) return 0;
  let dcg = 0;
  for (const rank of hitsAtK(ranked, relevant, k)) dcg += 1 / Math.log2(rank + 1);
  let idcg = 0;
  for (let rank = 1; rank <= ideal; rank++) idcg += 1 / Math.log2(rank + 1);
  return dcg / idcg;
}

/** The 1-based ranks of the relevant ids among the first k; a repeated id counts once. */
function hitsAtK(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number[] {
  const seen = new Set<number>();
  const ranks: number[] = [];
  for (const [i, id] of ranked.slice(0, k).entries()) {
    if (relevant.has(id) && !seen.has(id)) ranks.push(i + 1);
    seen.add(id);
  }
  return ranks;
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
