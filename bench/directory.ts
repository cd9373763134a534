/**
 * Directory benchmark: organisation search, autocomplete and the partner list of the most connected
 * organisation, on the demo data plus a generated directory (see directory-generate.ts).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { listOrganisationsQuerySchema } from '../contracts/organisations';
import type { Database, Db } from '../server/db/client';
import { queryRows } from '../server/db/client';
import { type Actor, anonymous } from '../server/modules/accounts';
import { listOrganisations, listPartners } from '../server/modules/organisations';
import { suggest } from '../server/modules/search';
import type { DirectorySamples } from './directory-generate';
import { explainStatements } from './search';
import { formatMs, nowMs, printTable, round, type Summary, summarise } from './stats';

export const directoryTargets = { organisations: 50, suggest: 20, partners: 100 } as const;
export type Measure = keyof typeof directoryTargets;

type Case = { label: string; call: (db: Db) => Promise<number> };
type Raw = Record<string, string | number>;

export type DirectoryFixtures = {
  hubId: number;
  koelnId: number | null;
  nrwId: number | null;
  torinoId: number | null;
  samples: DirectorySamples;
};

export async function resolveRegions(db: Db): Promise<Omit<DirectoryFixtures, 'hubId' | 'samples'>> {
  const rows = await queryRows<{ key: string; id: number }>(
    db,
    sql`select case when level = 'district' then 'koeln' when level = 'state' then 'nrw' else 'torino' end as key, id
      from regions where (country = 'DE' and level = 'district' and code = '05315')
        or (country = 'DE' and level = 'state' and code = '05')
        or (country = 'IT' and level = 'province' and code = '001')`,
  );
  const id = (key: string) => {
    const row = rows.find((r) => r.key === key);
    return row ? Number(row.id) : null;
  };
  return { koelnId: id('koeln'), nrwId: id('nrw'), torinoId: id('torino') };
}

const region = (id: number | null): Raw => (id ? { regionId: id } : {});

/** Names as people type them: exact, words in any order, beginnings, typos; with and without filters. */
export function organisationQueries(f: DirectoryFixtures): { label: string; raw: Raw }[] {
  const s = f.samples;
  return [
    {
      label: 'exact: Deutsches Zentrum für Luft- und Raumfahrt e.V.',
      raw: { q: 'Deutsches Zentrum für Luft- und Raumfahrt e.V.' },
    },
    { label: 'words: luft raumfahrt zentrum', raw: { q: 'luft raumfahrt zentrum' } },
    {
      label: 'misspelt: Deutsches Zentrum fuer Luft und Raumfart',
      raw: { q: 'Deutsches Zentrum fuer Luft und Raumfart' },
    },
    { label: 'short name: DLR', raw: { q: 'DLR' } },
    { label: 'words + region: luft raumfahrt, Köln', raw: { q: 'luft raumfahrt', ...region(f.koelnId) } },
    { label: 'prefix: fraunh', raw: { q: 'fraunh' } },
    { label: 'words + type: fraunhofer institut', raw: { q: 'fraunhofer institut', type: 'research_institute' } },
    { label: 'exact + country: Politecnico di Torino, IT', raw: { q: 'Politecnico di Torino', country: 'IT' } },
    { label: 'misspelt: Politecnico di Torrino', raw: { q: 'Politecnico di Torrino' } },
    { label: 'short name: RWTH Aachen', raw: { q: 'RWTH Aachen' } },
    { label: `exact (generated): ${s.name}`, raw: { q: s.name } },
    { label: `misspelt (generated): ${s.misspelt}`, raw: { q: s.misspelt } },
    { label: `short name (generated): ${s.short}`, raw: { q: s.short } },
    { label: `exact (generated, IT): ${s.italian}`, raw: { q: s.italian } },
    { label: 'common word: GmbH', raw: { q: 'GmbH' } },
    { label: 'common word: Stadtwerke', raw: { q: 'Stadtwerke' } },
    { label: 'common surname: Müller', raw: { q: 'Müller' } },
    {
      label: 'common surname + type + region: Müller, company, Köln',
      raw: { q: 'Müller', type: 'company', ...region(f.koelnId) },
    },
    { label: 'word + country: Logistik, DE', raw: { q: 'Logistik', country: 'DE' } },
    { label: 'word + region: Meccanica, provincia di Torino', raw: { q: 'Meccanica', ...region(f.torinoId) } },
    { label: 'two words: Rossi Meccanica', raw: { q: 'Rossi Meccanica' } },
    { label: 'rare word: Quantentechnologie', raw: { q: 'Quantentechnologie' } },
    { label: 'no match: Xylophonmanufaktur', raw: { q: 'Xylophonmanufaktur' } },
    { label: 'two letters: tu', raw: { q: 'tu' } },
    { label: 'filter only: type university', raw: { type: 'university' } },
    { label: 'filter only: country IT, page 5', raw: { country: 'IT', page: 5 } },
    { label: 'filter only: region NRW, page 2', raw: { ...region(f.nrwId), page: 2 } },
    { label: 'identifier (generated pic)', raw: { identifier: `pic:${s.pic}` } },
    { label: 'identifier: pic of the DLR', raw: { identifier: 'pic:999981731' } },
  ];
}

/** What the box receives while someone types, keystroke by keystroke (from two letters on). */
export function suggestQueries(f: DirectoryFixtures): string[] {
  const s = f.samples;
  const words = s.name.split(' ');
  return [
    'de',
    'deu',
    'deut',
    'deutsches z',
    'deutsches zentrum für l',
    'luft raum',
    'raumfart',
    'dlr',
    'fr',
    'fraun',
    'fraunhofer l',
    'pol',
    'politecnico di t',
    'mü',
    'müll',
    'müller meta',
    'stadtw',
    'stadtwerke bo',
    'comune di t',
    'ro',
    'rossi mec',
    s.name.slice(0, 6),
    words.slice(0, 2).join(' '),
    s.misspelt.slice(0, Math.max(8, s.misspelt.length - 4)),
    'xylophon',
  ];
}

export function directoryCases(f: DirectoryFixtures, actor: Actor = anonymous): Record<Measure, Case[]> {
  const asStrings = (raw: Raw) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  const organisations = organisationQueries(f).map(({ label, raw }) => {
    const query = listOrganisationsQuerySchema.parse(asStrings(raw));
    return { label, call: async (db: Db) => (await listOrganisations(db, actor, query)).total };
  });
  return {
    organisations,
    suggest: suggestQueries(f).map((q) => ({
      label: `"${q}"`,
      call: async (db: Db) => (await suggest(db, actor, { q, limit: 8 })).items.length,
    })),
    partners: [
      {
        label: `listPartners(most connected: #${f.hubId}, 100)`,
        call: async (db: Db) => (await listPartners(db, actor, f.hubId, 100)).length,
      },
    ],
  };
}

export type CaseStats = { label: string; runs: number; p50: number; p95: number; max: number; result: number };
export type MeasureResult = {
  measure: Measure;
  targetMs: number;
  overall: Summary;
  perCase: CaseStats[];
  explained: { label: string; statements: { sql: string; plan: string[] }[] }[];
  /** 1-minute load average before and after: other processes on the machine skew the figures. */
  load: [number, number];
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
 * One warm-up call per query (kept as a sample when slower than `slowMs`: caches are then the least
 * of its problems), then rounds over the mix until `runs` calls are done or `budgetMs` is spent. A
 * query stops once it has a sample and has used its share of the budget, so a slow query costs a
 * few calls, not the whole run. With EXPLAIN ANALYZE of the two slowest queries when the p95
 * misses its target.
 */
export async function measure(
  database: Database,
  name: Measure,
  cases: Case[],
  o: { runs: number; budgetMs: number; slowMs?: number; log?: (message: string) => void },
): Promise<MeasureResult> {
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
  const targetMs = directoryTargets[name];
  const explained: MeasureResult['explained'] = [];
  if (overall.p95 >= targetMs) {
    for (const slow of [...perCase].sort((a, b) => b.p50 - a.p50).slice(0, 2)) {
      const c = cases.find((x) => x.label === slow.label) as Case;
      explained.push({ label: c.label, statements: await explainStatements(database, c.call) });
    }
  }
  return { measure: name, targetMs, overall, perCase, explained, load };
}

const describe: Record<Measure, string> = {
  organisations: 'listOrganisations (anonymous)',
  suggest: 'suggest, limit 8 (anonymous)',
  partners: 'listPartners of the most connected, 100',
};

const passMiss = (value: number, target: number) =>
  value < target ? `PASS (< ${formatMs(target)})` : `MISS (≥ ${formatMs(target)})`;

export function printDirectory(title: string, results: MeasureResult[]): void {
  printTable(
    title,
    ['measure', 'runs', 'p50', 'p95', 'p99', 'max', 'target p95', 'load 1m'],
    results.map((r) => [
      describe[r.measure],
      String(r.overall.runs),
      formatMs(r.overall.p50),
      formatMs(r.overall.p95),
      formatMs(r.overall.p99),
      formatMs(r.overall.max),
      passMiss(r.overall.p95, r.targetMs),
      `${r.load[0].toFixed(1)}–${r.load[1].toFixed(1)}`,
    ]),
  );
  for (const r of results) {
    if (r.perCase.length < 2) continue;
    printTable(
      `  slowest ${r.measure} queries (by median)`,
      ['query', 'runs', 'p50', 'p95', 'max', r.measure === 'suggest' ? 'items' : 'total'],
      [...r.perCase]
        .sort((a, b) => b.p50 - a.p50)
        .slice(0, 6)
        .map((q) => [
          q.label.length > 70 ? `${q.label.slice(0, 69)}…` : q.label,
          String(q.runs),
          formatMs(q.p50),
          formatMs(q.p95),
          formatMs(q.max),
          q.result.toLocaleString('en-US'),
        ]),
    );
  }
}

export function printDirectoryPlans(backend: string, results: MeasureResult[]): void {
  for (const r of results) {
    for (const e of r.explained) {
      console.log(`\n  EXPLAIN (ANALYZE, BUFFERS) on ${backend} — ${r.measure}: ${e.label}`);
      for (const s of e.statements) {
        console.log(`    ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}…`);
        for (const line of s.plan) console.log(`      ${line}`);
      }
    }
  }
}
