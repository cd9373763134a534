/**
 * Matching benchmark: partner suggestions for an organisation and matches for a profile, among
 * 100,000 partner profiles (matching-generate.ts) and a generated directory of 1,000,000
 * organisations with their projects (directory-generate.ts), read anonymously and by agency staff.
 */
import { sql } from 'drizzle-orm';
import { suggestionsQuerySchema } from '../contracts/matching';
import type { Database, Db } from '../server/db/client';
import { queryRows } from '../server/db/client';
import { type Actor, anonymous } from '../server/modules/accounts';
import { matchesForProfile, suggestPartnersForOrganisation } from '../server/modules/matching';
import { withBulkConnection } from './backends';
import { type Case, type CasesResult, measureCases, passMiss, printExplained, staffActor } from './cases';
import { loadDirectory } from './directory';
import { generateProfiles, type MatchingResult } from './matching-generate';
import { formatMs, printTable, round } from './stats';

export const matchingTargetP95Ms = 100;

type Fixture = { id: number; label: string };
export type MatchingFixtures = { organisations: Fixture[]; profiles: Fixture[] };

const readers = { anonymous, staff: staffActor } as const;
type Reader = keyof typeof readers;
const calls = ['suggestPartnersForOrganisation', 'matchesForProfile'] as const;
type Call = (typeof calls)[number];

export type MatchingMeasure = CasesResult & { call: Call; reader: Reader };
export type MatchingRun = {
  backend: string;
  directoryMs: number;
  organisations: number;
  participations: number;
  generate: MatchingResult;
  databaseMb: number;
  measures: MatchingMeasure[];
};

/** Deterministic, well spread order for picking samples: the same picks on both backends. */
const spread = (column: string) => sql.raw(`md5(${column}::text)`);

/**
 * About 30 public organisations — the biggest partner hubs, average participants, some without any
 * project, the most active publishers of profiles, some known only by their NACE codes — and about
 * 30 published, current profiles: every kind in every language, some on the most common concept,
 * some on rare ones only, some anonymous, some with sought criteria.
 */
export async function resolveMatchingFixtures(db: Db): Promise<MatchingFixtures> {
  const organisations: Fixture[] = [];
  const addOrganisations = (label: string, found: { id: number; n: number }[]) => {
    for (const r of found) {
      if (organisations.some((o) => o.id === Number(r.id))) continue;
      organisations.push({ id: Number(r.id), label: `org #${r.id} ${label.replace('{n}', String(r.n))}` });
    }
  };
  addOrganisations(
    'hub, {n} projects',
    await queryRows(
      db,
      sql`select po.organisation_id as id, count(*)::int as n from project_organisations po
        join organisations o on o.id = po.organisation_id and o.visibility = 'public'
        group by po.organisation_id order by n desc, po.organisation_id limit 8`,
    ),
  );
  addOrganisations(
    'average, {n} projects',
    await queryRows(
      db,
      sql`select po.organisation_id as id, count(*)::int as n from project_organisations po
        join organisations o on o.id = po.organisation_id and o.visibility = 'public'
        group by po.organisation_id having count(*) between 2 and 6 order by ${spread('po.organisation_id')} limit 10`,
    ),
  );
  addOrganisations(
    'no projects, {n} profiles',
    await queryRows(
      db,
      sql`select o.id, (select count(*)::int from partner_profiles p where p.organisation_id = o.id) as n
        from organisations o where o.visibility = 'public'
          and not exists (select 1 from project_organisations po where po.organisation_id = o.id)
        order by ${spread('o.id')} limit 5`,
    ),
  );
  addOrganisations(
    'publisher, {n} profiles',
    await queryRows(
      db,
      sql`select p.organisation_id as id, count(*)::int as n from partner_profiles p
        join organisations o on o.id = p.organisation_id and o.visibility = 'public'
        where p.status = 'published' group by p.organisation_id order by n desc, p.organisation_id limit 4`,
    ),
  );
  addOrganisations(
    'NACE only, {n} codes',
    await queryRows(
      db,
      sql`select o.id, (select count(*)::int from organisation_nace n where n.organisation_id = o.id) as n
        from organisations o where o.visibility = 'public'
          and exists (select 1 from organisation_nace n where n.organisation_id = o.id)
          and not exists (select 1 from partner_profiles p where p.organisation_id = o.id)
          and not exists (select 1 from project_organisations po where po.organisation_id = o.id)
        order by ${spread('o.id')} limit 3`,
    ),
  );

  const profiles: Fixture[] = [];
  const current = sql`p.status = 'published' and p.expires_on >= current_date and o.visibility = 'public'`;
  const addProfiles = (label: string, found: { id: number; kind: string; language: string; keys: number }[]) => {
    for (const r of found) {
      if (profiles.some((p) => p.id === Number(r.id))) continue;
      const what = `${r.kind}/${r.language}, ${r.keys} keys`;
      profiles.push({ id: Number(r.id), label: `profile #${r.id} ${what}${label ? ` (${label})` : ''}` });
    }
  };
  const columns = sql`p.id, p.kind, p.language, cardinality(p.match_keys) as keys`;
  addProfiles(
    '',
    await queryRows(
      db,
      sql`select distinct on (p.kind, p.language) ${columns} from partner_profiles p
        join organisations o on o.id = p.organisation_id
        where ${current} and p.visibility = 'public' order by p.kind, p.language, ${spread('p.id')}`,
    ),
  );
  const [common] = await queryRows<{ key: string; n: number }>(
    db,
    sql`select k as key, count(*)::int as n from partner_profiles, unnest(match_keys) k
      where status = 'published' group by k order by n desc, k limit 1`,
  );
  if (common) {
    addProfiles(
      `common: ${common.key}, ${common.n.toLocaleString('en-US')} profiles`,
      await queryRows(
        db,
        sql`select ${columns} from partner_profiles p join organisations o on o.id = p.organisation_id
          where ${current} and p.match_keys @> array[${common.key}]::text[] and cardinality(p.match_keys) >= 3
          order by ${spread('p.id')} limit 5`,
      ),
    );
  }
  addProfiles(
    'rare keys only',
    await queryRows(
      db,
      sql`with common as materialized (
          select coalesce(array_agg(k), '{}') as keys from (
            select k from partner_profiles, unnest(match_keys) k group by k having count(*) > 100) c)
        select ${columns} from partner_profiles p join organisations o on o.id = p.organisation_id, common
        where ${current} and cardinality(p.match_keys) > 0 and not (p.match_keys && common.keys)
        order by ${spread('p.id')} limit 5`,
    ),
  );
  addProfiles(
    'anonymous',
    await queryRows(
      db,
      sql`select ${columns} from partner_profiles p join organisations o on o.id = p.organisation_id
        where ${current} and p.visibility = 'anonymous' order by ${spread('p.id')} limit 3`,
    ),
  );
  addProfiles(
    'sought types and countries',
    await queryRows(
      db,
      sql`select ${columns} from partner_profiles p join organisations o on o.id = p.organisation_id
        where ${current} and p.visibility = 'public' and cardinality(p.sought_types) > 0
          and cardinality(p.sought_countries) > 0
        order by ${spread('p.id')} limit 2`,
    ),
  );
  return { organisations, profiles };
}

/** The two calls for every fixture, as `reader` makes them (ten suggestions, in German). */
export function matchingCases(f: MatchingFixtures, actor: Actor): Record<Call, Case[]> {
  const query = suggestionsQuerySchema.parse({ limit: 10, lang: 'de' });
  return {
    suggestPartnersForOrganisation: f.organisations.map((o) => ({
      label: o.label,
      call: async (db: Db) => (await suggestPartnersForOrganisation(db, actor, o.id, query)).items.length,
    })),
    matchesForProfile: f.profiles.map((p) => ({
      label: p.label,
      call: async (db: Db) => (await matchesForProfile(db, actor, p.id, query)).items.length,
    })),
  };
}

/** Directory, profiles, then both calls for both readers on one database. */
export async function benchMatchingOn(
  backend: string,
  database: Database,
  o: { organisations: number; profiles: number; runs: number; explain: boolean },
): Promise<MatchingRun> {
  const log = (m: string) => console.log(`  ${backend}: ${m}`);
  const { directory, generate } = await withBulkConnection(database, async (conn) => {
    const loaded = await loadDirectory(database, conn, { organisations: o.organisations, log });
    const made = await generateProfiles(conn, { profiles: o.profiles, log });
    log(`profiles generated in ${formatMs(made.ms)}`);
    return { directory: loaded, generate: made };
  });
  const [size] = await queryRows<{ bytes: string }>(
    database.db,
    sql`select pg_database_size(current_database())::text as bytes`,
  );
  const fixtures = await resolveMatchingFixtures(database.db);
  log(`${fixtures.organisations.length} organisations and ${fixtures.profiles.length} profiles to ask for`);
  const measures: MatchingMeasure[] = [];
  for (const reader of Object.keys(readers) as Reader[]) {
    const cases = matchingCases(fixtures, readers[reader]);
    for (const call of calls) {
      log(`measuring ${call} (${reader}, ${cases[call].length} cases) …`);
      const result = await measureCases(database, cases[call], {
        runs: o.runs,
        budgetMs: 120_000,
        targetMs: matchingTargetP95Ms,
        explain: o.explain,
        log,
      });
      measures.push({ call, reader, ...result });
    }
  }
  return {
    backend,
    directoryMs: round(directory.generated.ms, 0),
    organisations: directory.generated.organisations,
    participations: directory.generated.participations,
    generate: { ...generate, ms: round(generate.ms, 0) },
    databaseMb: round(Number(size?.bytes ?? Number.NaN) / 1_048_576, 1),
    measures,
  };
}

export function printMatching(runs: MatchingRun[]): void {
  printTable(
    'Matching data',
    [
      'backend',
      'organisations',
      'directory',
      'profiles',
      'published',
      'generate',
      'owners',
      'most',
      'NACE orgs',
      'db size',
    ],
    runs.map((r) => [
      r.backend,
      r.organisations.toLocaleString('en-US'),
      formatMs(r.directoryMs),
      r.generate.profiles.toLocaleString('en-US'),
      r.generate.published.toLocaleString('en-US'),
      formatMs(r.generate.ms),
      r.generate.owners.toLocaleString('en-US'),
      String(r.generate.mostProfiles),
      r.generate.organisationsWithNace.toLocaleString('en-US'),
      `${r.databaseMb} MB`,
    ]),
  );
  printTable(
    'Partner suggestions (limit 10, lang de)',
    ['backend', 'call', 'reader', 'cases', 'runs', 'p50', 'p95', 'p99', 'max', 'target p95', 'load 1m'],
    runs.flatMap((r) =>
      r.measures.map((m) => [
        r.backend,
        m.call,
        m.reader,
        String(m.perCase.length),
        String(m.overall.runs),
        formatMs(m.overall.p50),
        formatMs(m.overall.p95),
        formatMs(m.overall.p99),
        formatMs(m.overall.max),
        passMiss(m.overall.p95, matchingTargetP95Ms),
        `${m.load[0].toFixed(1)}–${m.load[1].toFixed(1)}`,
      ]),
    ),
  );
}

/** The slowest cases of each measure on one backend, with plans where they were explained. */
export function printMatchingCases(r: MatchingRun): void {
  for (const m of r.measures) {
    printTable(
      `  slowest cases: ${m.call}, ${m.reader}, ${r.backend} (by median)`,
      ['case', 'runs', 'p50', 'p95', 'max', 'items'],
      [...m.perCase]
        .sort((a, b) => b.p50 - a.p50)
        .slice(0, 5)
        .map((c) => [
          c.label.length > 80 ? `${c.label.slice(0, 79)}…` : c.label,
          String(c.runs),
          formatMs(c.p50),
          formatMs(c.p95),
          formatMs(c.max),
          String(c.result),
        ]),
    );
    printSlowestStatements(r.backend, m);
  }
}

const executionMs = (plan: string[]) =>
  Number(plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)?.[1]).find((v) => v !== undefined) ?? Number.NaN);

/**
 * For each explained case: every statement the call sent with its execution time, then the plan of
 * the slowest one (a call sends several; the others' plans would bury it).
 */
function printSlowestStatements(backend: string, m: MatchingMeasure): void {
  for (const e of m.explained) {
    const timed = e.statements.map((s) => ({ ...s, ms: executionMs(s.plan) }));
    console.log(`\n  EXPLAIN (ANALYZE, BUFFERS) on ${backend} — ${m.call}, ${m.reader}: ${e.label}`);
    for (const s of timed)
      console.log(`    ${formatMs(s.ms).padStart(9)}  ${s.sql.replace(/\s+/g, ' ').slice(0, 140)}…`);
    const slowest = [...timed].sort((a, b) => (b.ms || 0) - (a.ms || 0))[0];
    if (!slowest) continue;
    printExplained([{ label: e.label, statements: [slowest] }], () => `slowest statement (${formatMs(slowest.ms)}):`);
  }
}
