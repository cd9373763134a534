import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app';
import { type Database, openDatabase } from '../server/db/client';
import { loadDemoData } from '../server/modules/imports';
import { upsertProgramme } from '../server/modules/programmes';
import {
  directoryCases,
  type MeasureResult,
  measure,
  printDirectory,
  printDirectoryPlans,
  resolveRegions,
} from './directory';
import { type Conn, generateDirectory, type Programme } from './directory-generate';
import { benchFundingOn, printFunding } from './funding';
import { analyze, generateProjects, loadRegions } from './generate';
import { benchImports } from './imports';
import { benchReportsOn, printReports } from './reports';
import {
  benchSearchHttp,
  benchSearchService,
  explainQuery,
  printSearch,
  queryMix,
  resolveFixtures,
  type SearchOptions,
  type SearchResult,
  searchTargetP95Ms,
} from './search';
import { benchStart, printStart } from './start';
import { formatMs, printTable, round, timed } from './stats';

const sections = ['start', 'search', 'scale', 'directory', 'funding', 'imports', 'reports'] as const;
type Section = (typeof sections)[number];
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

type Args = { only: Section[]; count: number; orgs: number; search: SearchOptions; postgres: boolean };

function parseArgs(argv: string[]): Args {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(sections as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`Unknown section(s) ${unknown.join(', ')}; choose from ${sections.join(', ')}`);
  return {
    only: names.length > 0 ? (names as Section[]) : [...sections],
    count: Number(flag('count') ?? 250_000),
    orgs: Number(flag('orgs') ?? 1_000_000),
    search: { runs: Number(flag('runs') ?? 400) },
    postgres: !argv.includes('--no-postgres'),
  };
}

/** Service and HTTP search benchmarks on one database, with plans of the slowest queries when p95 misses. */
async function searchBoth(database: Database, options: SearchOptions) {
  const mix = queryMix(await resolveFixtures(database.db));
  const service = await benchSearchService(database.db, mix, options);
  const app = await buildApp({ db: database.db });
  let http: SearchResult;
  try {
    http = await benchSearchHttp(app, mix, options);
  } finally {
    await app.close();
  }
  let explained: { query: string; statements: { sql: string; plan: string[] }[] }[] = [];
  if (service.overall.p95 >= searchTargetP95Ms) {
    const slowest = [...service.perQuery].sort((a, b) => b.p50 - a.p50).slice(0, 2);
    explained = await Promise.all(
      slowest.map(async (s) => ({
        query: s.label,
        statements: await explainQuery(database, mix.find((q) => q.label === s.label)?.raw ?? {}),
      })),
    );
  }
  return { results: [service, http], explained };
}

function printPlans(backend: string, explained: Awaited<ReturnType<typeof searchBoth>>['explained']) {
  for (const e of explained) {
    console.log(`\n  EXPLAIN (ANALYZE, BUFFERS) on ${backend} — ${e.query}`);
    for (const s of e.statements) {
      console.log(`    ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
      for (const line of s.plan) console.log(`      ${line}`);
    }
  }
}

async function benchDemoSearch(options: SearchOptions) {
  console.log('\n▶ Search on the demo data (PGlite in memory, migrated + loadDemoData)');
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const load = await timed(async () => {
      await database.migrate();
      await loadDemoData(database.db);
    });
    const out = await searchBoth(database, options);
    printSearch(`Project search on the demo data (PGlite; load ${formatMs(load.ms)})`, out.results);
    printPlans('PGlite (demo)', out.explained);
    return { backend: 'pglite', loadMs: round(load.ms, 0), ...out };
  } finally {
    await database.close();
  }
}

/** A fresh database on the PostgreSQL server, or null when none answers. */
async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | { skipped: string }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  const name = `standort_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    return { skipped: `PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} not usable: ${(err as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function scaleOn(backend: 'pglite' | 'postgres', database: Database, args: Args) {
  await database.migrate();
  await loadRegions(database.db);
  const every = Math.max(1_000, Math.round(args.count / 10 / 1_000) * 1_000);
  const generated = await generateProjects(database.db, {
    count: args.count,
    onProgress: (done, total, ms) => {
      if (done % every === 0 || done === total) {
        console.log(
          `  ${backend}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} in ${formatMs(ms)}`,
        );
      }
    },
  });
  const analyzeRun = await timed(() => analyze(database.db));
  // Both drivers return { rows } from execute.
  const size = (await database.db.execute(
    sql`select pg_database_size(current_database())::text as bytes`,
  )) as unknown as {
    rows: { bytes: string }[];
  };
  const out = await searchBoth(database, args.search);
  return {
    backend,
    generate: { ...generated, ms: round(generated.ms, 0) },
    analyzeMs: round(analyzeRun.ms, 0),
    databaseMb: round(Number(size.rows[0]?.bytes ?? Number.NaN) / 1_048_576, 1),
    ...out,
  };
}

async function benchScale(args: Args) {
  const runs: Awaited<ReturnType<typeof scaleOn>>[] = [];
  const skipped: string[] = [];
  console.log(`\n▶ Scale: ${args.count.toLocaleString('en-US')} generated projects on PGlite (temp dir)`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standort-bench-scale-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      runs.push(await scaleOn('pglite', database, args));
    } finally {
      await database.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const target = args.postgres ? await createPostgresDatabase() : { skipped: '--no-postgres' };
  if ('skipped' in target) skipped.push(target.skipped);
  else {
    console.log(`\n▶ Scale: ${args.count.toLocaleString('en-US')} generated projects on PostgreSQL (fresh database)`);
    try {
      const database = await openDatabase({ kind: 'postgres', url: target.url });
      try {
        runs.push(await scaleOn('postgres', database, args));
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  printTable(
    `Scale: ${args.count.toLocaleString('en-US')} generated projects`,
    ['backend', 'generate', 'rows/s', 'funding lines', 'ANALYZE', 'db size'],
    runs.map((r) => [
      r.backend,
      formatMs(r.generate.ms),
      Math.round(r.generate.projects / (r.generate.ms / 1000)).toLocaleString('en-US'),
      r.generate.fundingLines.toLocaleString('en-US'),
      formatMs(r.analyzeMs),
      `${r.databaseMb} MB`,
    ]),
  );
  for (const r of runs) {
    printSearch(`Project search on ${args.count.toLocaleString('en-US')} projects — ${r.backend}`, r.results);
    printPlans(r.backend, r.explained);
  }
  for (const s of skipped) console.log(`\n  PostgreSQL skipped: ${s}`);
  return { count: args.count, runs, skipped };
}

const directoryProgrammes = [
  { slug: 'bench-dir-horizont', name: 'Horizont Europa Verbundforschung (synthetisch)', eu: true },
  { slug: 'bench-dir-interreg', name: 'Interreg Nordwesteuropa (synthetisch)', eu: true },
  { slug: 'bench-dir-efre', name: 'EFRE/JTF NRW 2021–2027 Verbundvorhaben (synthetisch)', eu: false },
  { slug: 'bench-dir-fesr', name: 'PR FESR Piemonte 2021–2027 (sintetico)', eu: false },
];

/** Demo data plus the generated directory on one database, then the three measures. */
async function directoryOn(backend: 'pglite' | 'postgres', database: Database, conn: Conn, args: Args) {
  const log = (message: string) => console.log(`  ${backend}: ${message}`);
  const migrateRun = await timed(() => database.migrate());
  const demo = await timed(() => loadDemoData(database.db));
  log(`migrated in ${formatMs(migrateRun.ms)}, demo data loaded in ${formatMs(demo.ms)}`);
  const programmes: Programme[] = [];
  for (const [i, spec] of directoryProgrammes.entries()) {
    const provenance = { kind: 'import' as const, importKind: 'bench-directory', file: 'bench/run.ts', row: i + 1 };
    programmes.push({
      id: await upsertProgramme(database.db, { slug: spec.slug, name: spec.name, provenance }),
      eu: spec.eu,
    });
  }
  const generated = await generateDirectory(conn, programmes, { organisations: args.orgs, log });
  log(`generated in ${formatMs(generated.ms)}`);
  const [size] = await queryRowsOf<{ bytes: string }>(
    database,
    'select pg_database_size(current_database())::text as bytes',
  );
  const regions = await resolveRegions(database.db);
  const cases = directoryCases({ ...regions, hubId: generated.hub.id, samples: generated.samples });
  const results: MeasureResult[] = [];
  for (const name of ['organisations', 'suggest', 'partners'] as const) {
    const list = cases[name];
    log(`measuring ${name} (${list.length} queries) …`);
    const runs = name === 'partners' ? Math.min(50, args.search.runs ?? 400) : (args.search.runs ?? 400);
    results.push(await measure(database, name, list, { runs, budgetMs: 120_000, log }));
  }
  return {
    backend,
    migrateMs: round(migrateRun.ms, 0),
    demoMs: round(demo.ms, 0),
    generate: {
      ...generated,
      ms: round(generated.ms, 0),
      phases: generated.phases.map((p) => ({ ...p, ms: round(p.ms, 0) })),
    },
    databaseMb: round(Number(size?.bytes ?? Number.NaN) / 1_048_576, 1),
    results,
  };
}

async function queryRowsOf<T>(database: Database, text: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

async function benchDirectory(args: Args) {
  const runs: Awaited<ReturnType<typeof directoryOn>>[] = [];
  const skipped: string[] = [];
  const orgs = args.orgs.toLocaleString('en-US');
  console.log(`\n▶ Directory: demo data + ${orgs} generated organisations on PGlite (temp dir)`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standort-bench-directory-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const conn = (database.db as unknown as { $client: Conn }).$client;
      await conn.query(`set maintenance_work_mem = '256MB'`);
      runs.push(await directoryOn('pglite', database, conn, args));
    } finally {
      await database.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const target = args.postgres ? await createPostgresDatabase() : { skipped: '--no-postgres' };
  if ('skipped' in target) skipped.push(target.skipped);
  else {
    console.log(`\n▶ Directory: demo data + ${orgs} generated organisations on PostgreSQL (fresh database)`);
    try {
      const database = await openDatabase({ kind: 'postgres', url: target.url });
      const loader = new pg.Client({ connectionString: target.url });
      try {
        await loader.connect();
        await loader.query(`set synchronous_commit = off`);
        await loader.query(`set maintenance_work_mem = '1GB'`);
        runs.push(await directoryOn('postgres', database, loader as unknown as Conn, args));
      } finally {
        await loader.end().catch(() => {});
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  printTable(
    `Directory: demo data + ${orgs} generated organisations`,
    ['backend', 'demo load', 'generate', 'orgs/s', 'aliases', 'identifiers', 'projects', 'participations', 'db size'],
    runs.map((r) => [
      r.backend,
      formatMs(r.demoMs),
      formatMs(r.generate.ms),
      Math.round(r.generate.organisations / (r.generate.ms / 1000)).toLocaleString('en-US'),
      r.generate.aliases.toLocaleString('en-US'),
      r.generate.identifiers.toLocaleString('en-US'),
      r.generate.projects.toLocaleString('en-US'),
      r.generate.participations.toLocaleString('en-US'),
      `${r.databaseMb} MB`,
    ]),
  );
  const phaseNames = [...new Set(runs.flatMap((r) => r.generate.phases.map((p) => p.phase)))];
  printTable(
    '  generation phases',
    ['phase', ...runs.map((r) => r.backend)],
    phaseNames.map((name) => [
      name,
      ...runs.map((r) => formatMs(r.generate.phases.find((p) => p.phase === name)?.ms ?? Number.NaN)),
    ]),
  );
  for (const r of runs) {
    const hub = r.generate.hub;
    console.log(
      `\n  most connected (${r.backend}): #${hub.id} ${hub.name} — ${hub.projects.toLocaleString('en-US')} projects, ${hub.partners.toLocaleString('en-US')} distinct partners`,
    );
    printDirectory(`Directory queries on ${r.backend} (${orgs} generated organisations)`, r.results);
    printDirectoryPlans(r.backend, r.results);
  }
  for (const s of skipped) console.log(`\n  PostgreSQL skipped: ${s}`);
  return { organisations: args.orgs, runs, skipped };
}

/**
 * Runs `measure` on a fresh PGlite database in a temp dir and — unless `--no-postgres` — on a fresh
 * PostgreSQL database, each dropped afterwards.
 */
async function onBothBackends<T>(
  args: Args,
  what: string,
  measure: (backend: 'pglite' | 'postgres', database: Database) => Promise<T>,
): Promise<{ runs: T[]; skipped: string[] }> {
  const runs: T[] = [];
  const skipped: string[] = [];
  console.log(`\n▶ ${what} on PGlite (temp dir)`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standort-bench-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      runs.push(await measure('pglite', database));
    } finally {
      await database.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const target = args.postgres ? await createPostgresDatabase() : { skipped: '--no-postgres' };
  if ('skipped' in target) skipped.push(target.skipped);
  else {
    console.log(`\n▶ ${what} on PostgreSQL (fresh database)`);
    try {
      const database = await openDatabase({ kind: 'postgres', url: target.url });
      try {
        runs.push(await measure('postgres', database));
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  for (const s of skipped) console.log(`\n  PostgreSQL skipped: ${s}`);
  return { runs, skipped };
}

/** The programme summary on 100,000 projects and 1,000,000 funding lines. */
async function benchFunding(args: Args) {
  const o = { projects: 100_000, linesPerProject: 10, runs: 200 };
  const result = await onBothBackends(args, 'Funding: 100,000 projects, 1,000,000 funding lines', (backend, database) =>
    benchFundingOn(backend, database, o),
  );
  printFunding(result.runs);
  return result;
}

/** The PDF progress report of a programme with 1,000 projects. */
async function benchReports(args: Args) {
  const o = { projects: 1_000, runs: 10 };
  const result = await onBothBackends(args, 'Reports: PDF of a programme with 1,000 projects', (backend, database) =>
    benchReportsOn(backend, database, o),
  );
  printReports(result.runs);
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const started = Date.now();
  console.log(`Standort benchmarks: ${args.only.join(', ')} (Node ${process.version}, ${os.cpus().length} CPUs)`);
  const run = async (section: Section, fn: () => Promise<unknown>) => {
    if (!args.only.includes(section)) return;
    try {
      results[section] = await fn();
    } catch (err) {
      errors[section] = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`\n✗ ${section} failed: ${errors[section]}`);
      process.exitCode = 1;
    }
  };
  await run('start', async () => {
    const r = await benchStart();
    printStart(r);
    return r;
  });
  await run('search', () => benchDemoSearch(args.search));
  await run('scale', () => benchScale(args));
  await run('directory', () => benchDirectory(args));
  await run('funding', () => benchFunding(args));
  await run('reports', () => benchReports(args));
  await run('imports', () =>
    benchImports({
      rows: Number(process.argv.find((a) => a.startsWith('--import-rows='))?.split('=')[1] ?? 100_000),
      postgres: args.postgres,
      createPostgres: createPostgresDatabase,
    }),
  );

  const file = path.resolve(import.meta.dirname, 'results', 'latest.json');
  await fs.mkdir(path.dirname(file), { recursive: true });
  const report = {
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    sections: args.only,
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    },
    results,
    errors,
  };
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nTotal ${formatMs(Date.now() - started)}; results written to ${path.relative(process.cwd(), file)}`);
}

await main();
