import { formatMs, type Summary } from '../bench/stats';

export type SliceScore = { queries: number; recallAt10: number; ndcgAt10: number };
/** Method name → slice name → scores. */
export type Results = Record<string, Record<string, SliceScore>>;

/** The table: one row per slice and method, three decimals. */
export function printResults(slices: { name: string; label: string }[], results: Results): void {
  const header = ['slice', 'queries', 'method', 'recall@10', 'nDCG@10'];
  const rows: string[][] = [];
  for (const slice of slices) {
    let first = true;
    for (const [method, bySlice] of Object.entries(results)) {
      const score = bySlice[slice.name];
      if (!score) continue;
      rows.push([
        first ? slice.label : '',
        first ? String(score.queries) : '',
        method,
        score.recallAt10.toFixed(3),
        score.ndcgAt10.toFixed(3),
      ]);
      first = false;
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = new Set([0, 2]);
  const line = (cells: string[]) =>
    cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const [i, r] of rows.entries()) {
    if (r[0] && i > 0) console.log('');
    console.log(line(r));
  }
}

export function printTimings(label: string, summary: Summary): void {
  console.log(
    `\n${label}: ${summary.runs} calls, p50 ${formatMs(summary.p50)}, p95 ${formatMs(summary.p95)}, max ${formatMs(summary.max)}`,
  );
}
