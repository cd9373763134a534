/**
 * Measuring a mix of service calls ("cases") against one p95 target: warm-up, rounds within a time
 * budget, percentiles with every case equally likely, and EXPLAIN plans of the slowest cases.
 * Shared by the directory and the matching benchmarks.
 */
import os from 'node:os';
import type { Database, Db } from '../server/db/client';
import type { Actor } from '../server/modules/accounts';
import { explainStatements } from './search';
import { formatMs, nowMs, round, type Summary, summarise } from './stats';

/** One query of a mix: a label and a call that answers with a count (total, items …) to show. */
export type Case = { label: string; call: (db: Db) => Promise<number> };
export type CaseStats = { label: string; runs: number; p50: number; p95: number; max: number; result: number };
export type Explained = { label: string; statements: { sql: string; plan: string[] }[] };
export type CasesResult = {
  overall: Summary;
  perCase: CaseStats[];
  explained: Explained[];
  /** 1-minute load average before and after: other processes on the machine skew the figures. */
  load: [number, number];
};

/** A member of an agency's staff, with no programme or organisation of their own. */
export const staffActor: Actor = {
  kind: 'user',
  userId: 0,
  name: 'Bench',
  roles: [{ id: 0, role: 'agency_staff', programmeId: null, organisationId: null }],
  via: 'system',
  scopes: null,
};

/**
 * Percentiles over the query mix with every query equally likely, however often each was run: a
 * sample of a query run n times weighs 1/n.
 */
export function mixSummary(perCase: number[][]): Summary {
  const used = perCase.filter((s) => s.length > 0);
  const weighted = used
    .flatMap((s) => s.map((v) => ({ v, w: 1 / (s.length * used.length) })))
    .sort((a, b) => a.v - b.v);
  const at = (p: number) => {
    let sum = 0;
    for (const x of weighted) {
      sum += x.w;
      if (sum >= p / 100 - 1e-9) return x.v;
    }
    return weighted.at(-1)?.v ?? Number.NaN;
  };
  const all = summarise(weighted.map((x) => x.v));
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    ...all,
    p50: r(at(50)),
    p95: r(at(95)),
    p99: r(at(99)),
    mean: r(weighted.reduce((s, x) => s + x.v * x.w, 0)),
  };
}

/**
 * One warm-up call per case (kept as a sample when slower than `slowMs`: caches are then the least
 * of its problems), then rounds over the mix until `runs` calls are done or `budgetMs` is spent. A
 * case stops once it has a sample and has used its share of the budget, so a slow case costs a
 * few calls, not the whole run. With EXPLAIN ANALYZE of the two slowest cases when the p95 misses
 * `targetMs`, or always with `explain`.
 */
export async function measureCases(
  database: Database,
  cases: Case[],
  o: {
    runs: number;
    budgetMs: number;
    targetMs: number;
    slowMs?: number;
    explain?: boolean;
    log?: (message: string) => void;
  },
): Promise<CasesResult> {
  const slowMs = o.slowMs ?? 2_000;
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const results = new Map<string, number>();
  const samples = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  const spent = new Map<string, number>(cases.map((c) => [c.label, 0]));
  const time = async (c: Case) => {
    const t = nowMs();
    const result = await c.call(database.db);
    const ms = nowMs() - t;
    spent.set(c.label, (spent.get(c.label) ?? 0) + ms);
    return { result, ms };
  };
  for (const c of cases) {
    const { result, ms } = await time(c);
    results.set(c.label, result);
    if (ms > slowMs) {
      samples.get(c.label)?.push(ms);
      o.log?.(`slow: ${formatMs(ms)} — ${c.label}`);
    }
  }
  const rounds = Math.max(3, Math.ceil(o.runs / cases.length));
  const share = o.budgetMs / cases.length;
  const started = nowMs();
  for (let r = 0; r < rounds; r++) {
    const due = cases.filter((c) => {
      const n = samples.get(c.label)?.length ?? 0;
      if (n === 0) return true;
      if (n >= rounds) return false;
      return (spent.get(c.label) ?? 0) < share && nowMs() - started < o.budgetMs;
    });
    if (due.length === 0) break;
    for (const c of due) samples.get(c.label)?.push((await time(c)).ms);
  }
  const perCase = cases.map((c) => {
    const s = summarise(samples.get(c.label) ?? []);
    return { label: c.label, runs: s.runs, p50: s.p50, p95: s.p95, max: s.max, result: results.get(c.label) ?? 0 };
  });
  const overall = mixSummary(cases.map((c) => samples.get(c.label) ?? []));
  const load: [number, number] = [round(loadBefore, 1), round(os.loadavg()[0] ?? Number.NaN, 1)];
  const explained: Explained[] = [];
  if (o.explain || overall.p95 >= o.targetMs) {
    for (const slow of [...perCase].sort((a, b) => b.p50 - a.p50).slice(0, 2)) {
      const c = cases.find((x) => x.label === slow.label) as Case;
      explained.push({ label: c.label, statements: await explainStatements(database, c.call) });
    }
  }
  return { overall, perCase, explained, load };
}

/** "PASS (< 100 ms)" or "MISS (≥ 100 ms)". */
export const passMiss = (value: number, target: number): string =>
  value < target ? `PASS (< ${formatMs(target)})` : `MISS (≥ ${formatMs(target)})`;

/** Prints each statement of the explained cases with its plan, under `heading(label)`. */
export function printExplained(explained: Explained[], heading: (label: string) => string): void {
  for (const e of explained) {
    console.log(`\n  ${heading(e.label)}`);
    for (const s of e.statements) {
      console.log(`    ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}…`);
      for (const line of s.plan) console.log(`      ${line}`);
    }
  }
}
