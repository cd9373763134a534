/**
 * Directory benchmark: organisation search, autocomplete and the partner list of the most connected
 * organisation, on the demo data plus a generated directory (see directory-generate.ts).
 */
import { sql } from 'drizzle-orm';
import { listOrganisationsQuerySchema } from '../contracts/organisations';
import type { Database, Db } from '../server/db/client';
import { queryRows } from '../server/db/client';
import { type Actor, anonymous } from '../server/modules/accounts';
import { loadDemoData } from '../server/modules/imports';
import { listOrganisations, listPartners } from '../server/modules/organisations';
import { upsertProgramme } from '../server/modules/programmes';
import { suggest } from '../server/modules/search';
import { type Case, type CasesResult, measureCases, passMiss, printExplained } from './cases';
import {
  type Conn,
  type DirectoryResult,
  type DirectorySamples,
  generateDirectory,
  type Programme,
} from './directory-generate';
import { formatMs, printTable, timed } from './stats';

export const directoryTargets = { organisations: 50, suggest: 20, partners: 100 } as const;
export type Measure = keyof typeof directoryTargets;

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

const directoryProgrammes = [
  { slug: 'bench-dir-horizont', name: 'Horizont Europa Verbundforschung (synthetisch)', eu: true },
  { slug: 'bench-dir-interreg', name: 'Interreg Nordwesteuropa (synthetisch)', eu: true },
  { slug: 'bench-dir-efre', name: 'EFRE/JTF NRW 2021–2027 Verbundvorhaben (synthetisch)', eu: false },
  { slug: 'bench-dir-fesr', name: 'PR FESR Piemonte 2021–2027 (sintetico)', eu: false },
];

/**
 * Migrates an empty database, loads the demo data, creates the programmes of the generated projects
 * (through the service) and generates the directory on `conn`.
 */
export async function loadDirectory(
  database: Database,
  conn: Conn,
  o: { organisations: number; log: (message: string) => void },
): Promise<{ migrateMs: number; demoMs: number; generated: DirectoryResult }> {
  const migrateRun = await timed(() => database.migrate());
  const demo = await timed(() => loadDemoData(database.db));
  o.log(`migrated in ${formatMs(migrateRun.ms)}, demo data loaded in ${formatMs(demo.ms)}`);
  const programmes: Programme[] = [];
  for (const [i, spec] of directoryProgrammes.entries()) {
    const provenance = {
      kind: 'import' as const,
      importKind: 'bench-directory',
      file: 'bench/directory.ts',
      row: i + 1,
    };
    programmes.push({
      id: await upsertProgramme(database.db, { slug: spec.slug, name: spec.name, provenance }),
      eu: spec.eu,
    });
  }
  const generated = await generateDirectory(conn, programmes, o);
  o.log(`generated in ${formatMs(generated.ms)}`);
  return { migrateMs: migrateRun.ms, demoMs: demo.ms, generated };
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

export type MeasureResult = CasesResult & { measure: Measure; targetMs: number };

/** The mix of one measure against its target (see `measureCases`). */
export async function measure(
  database: Database,
  name: Measure,
  cases: Case[],
  o: { runs: number; budgetMs: number; slowMs?: number; log?: (message: string) => void },
): Promise<MeasureResult> {
  const targetMs = directoryTargets[name];
  return { measure: name, targetMs, ...(await measureCases(database, cases, { ...o, targetMs })) };
}

const describe: Record<Measure, string> = {
  organisations: 'listOrganisations (anonymous)',
  suggest: 'suggest, limit 8 (anonymous)',
  partners: 'listPartners of the most connected, 100',
};

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
    printExplained(r.explained, (label) => `EXPLAIN (ANALYZE, BUFFERS) on ${backend} — ${r.measure}: ${label}`);
  }
}
