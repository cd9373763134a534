import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app';
import { type Database, openDatabase } from '../server/db/client';
import { loadDemoData } from '../server/modules/imports';
import { createPostgresDatabase, onBothBackends } from './backends';
import {
  directoryCases,
  loadDirectory,
  type MeasureResult,
  measure,
  printDirectory,
  printDirectoryPlans,
  resolveRegions,
} from './directory';
import type { Conn } from './directory-generate';
import { benchFundingOn, printFunding } from './funding';
import { analyze, generateProjects, loadRegions } from './generate';
import { benchImports } from './imports';
import { benchMatchingOn, printMatching, printMatchingCases } from './matching';
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

const sections = ['start', 'search', 'scale', 'directory', 'matching', 'funding', 'imports', 'reports'] as const;
type Section = (typeof sections)[number];

type Args = {
  only: Section[];
  count: number;
  orgs: number;
  profiles: number;
  search: SearchOptions;
  postgres: boolean;
  plans: boolean;
};

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
    profiles: Number(flag('profiles') ?? 100_000),
    search: { runs: Number(flag('runs') ?? 400) },
    postgres: !argv.includes('--no-postgres'),
    plans: argv.includes('--plans'),
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

/** Demo data plus the generated directory on one database, then the three measures. */
async function directoryOn(backend: 'pglite' | 'postgres', database: Database, conn: Conn, args: Args) {
  const log = (message: string) => console.log(`  ${backend}: ${message}`);
  const { migrateMs, demoMs, generated } = await loadDirectory(database, conn, { organisations: args.orgs, log });
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
    migrateMs: round(migrateMs, 0),
    demoMs: round(demoMs, 0),
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

/** Partner suggestions among 100,000 profiles and 1,000,000 organisations. */
async function benchMatching(args: Args) {
  const o = { organisations: args.orgs, profiles: args.profiles, runs: 300, explain: args.plans };
  const what = `Matching: ${o.profiles.toLocaleString('en-US')} profiles, ${o.organisations.toLocaleString('en-US')} organisations`;
  const result = await onBothBackends(args, what, async (backend, database) => {
    const run = await benchMatchingOn(backend, database, o);
    printMatchingCases(run);
    return run;
  });
  printMatching(result.runs);
  return result;
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
  await run('matching', () => benchMatching(args));
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
