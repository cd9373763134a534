/**
 * Funding benchmark: the summary of a programme with 100,000 projects and 1,000,000 funding lines
 * (`GET /programmes/:id/summary` reads the totals the triggers keep), next to the one-off group-by
 * over all lines it replaces.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/db/client';
import { queryRows } from '../server/db/client';
import { type Actor, anonymous } from '../server/modules/accounts';
import { programmeSummary } from '../server/modules/grants';
import { upsertProgramme } from '../server/modules/programmes';
import { staffActor } from './cases';
import { formatMs, nowMs, printTable, round, type Summary, summarise, timed } from './stats';

export const fundingTargetP95Ms = 100;

export type FundingResult = {
  backend: string;
  projects: number;
  lines: number;
  generateMs: number;
  totalsRows: number;
  groupByMs: number;
  anonymous: Summary;
  staff: Summary;
  load: [number, number];
};

/** A programme of `projects` projects with `linesPerProject` lines each, written in bulk through the triggers. */
async function generate(database: Database, projects: number, linesPerProject: number, log: (m: string) => void) {
  const db = database.db;
  const provenance = JSON.stringify({ kind: 'derived', source: 'bench/funding.ts' });
  const programmeId = await upsertProgramme(db, {
    slug: 'bench-funding',
    name: 'Förderprogramm (synthetisch, 100.000 Projekte)',
    provenance: { kind: 'derived', source: 'bench/funding.ts' },
  });
  await db.execute(sql`insert into fields_of_action (programme_id, name, position, provenance)
    select ${programmeId}, 'Handlungsfeld ' || g, g, ${provenance}::jsonb from generate_series(1, 8) g`);
  const fields = (
    await queryRows<{ id: number }>(
      db,
      sql`select id from fields_of_action where programme_id = ${programmeId} order by id`,
    )
  ).map((f) => Number(f.id));
  const batch = 20_000;
  for (let from = 0; from < projects; from += batch) {
    await db.execute(sql`insert into projects (programme_id, field_of_action_id, title, status, visibility, provenance)
      select ${programmeId}, (${`{${fields.join(',')}}`}::int[])[1 + g % ${fields.length}::int], 'Vorhaben ' || g,
        (array['in_progress','completed','proposed']::project_status[])[1 + g % 3],
        case when g % 40 = 0 then 'internal'::visibility else 'public'::visibility end, ${provenance}::jsonb
      from generate_series(${from + 1}::int, ${Math.min(from + batch, projects)}::int) g`);
  }
  const lineBatch = Math.max(1, Math.floor(50_000 / linesPerProject));
  const ids = (
    await queryRows<{ id: number }>(db, sql`select id from projects where programme_id = ${programmeId} order by id`)
  ).map((p) => Number(p.id));
  for (let i = 0; i < ids.length; i += lineBatch) {
    const part = ids.slice(i, i + lineBatch);
    await db.execute(sql`insert into funding_lines (project_id, source, kind, amount_cents, year, provenance)
      select p.id,
        (array['eu_erdf','state','own','federal','eu_esf','municipal']::funding_source[])[1 + (p.id + n) % 6],
        (array['planned','committed','committed','disbursed']::funding_kind[])[1 + (p.id * 7 + n) % 4],
        1000 + ((p.id * 7919 + n * 104729) % 5000000), 2014 + (p.id + n) % 12, ${provenance}::jsonb
      from unnest(${`{${part.join(',')}}`}::int[]) as p(id), generate_series(1, ${linesPerProject}::int) n`);
    if ((i / lineBatch) % 20 === 0) log(`${(i * linesPerProject).toLocaleString('en-US')} lines`);
  }
  await db.execute(sql`analyze`);
  return programmeId;
}

async function measure(database: Database, actor: Actor, programmeId: number, runs: number): Promise<Summary> {
  await programmeSummary(database.db, actor, programmeId);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    await programmeSummary(database.db, actor, programmeId);
    samples.push(nowMs() - t);
  }
  return summarise(samples);
}

export async function benchFundingOn(
  backend: string,
  database: Database,
  o: { projects: number; linesPerProject: number; runs: number },
): Promise<FundingResult> {
  const log = (m: string) => console.log(`  ${backend}: ${m}`);
  await database.migrate();
  const { result: programmeId, ms: generateMs } = await timed(() =>
    generate(database, o.projects, o.linesPerProject, log),
  );
  log(`generated in ${formatMs(generateMs)}`);
  const [counts] = await queryRows<{ lines: number; totals: number }>(
    database.db,
    sql`select (select count(*)::int from funding_lines where programme_id = ${programmeId}) as lines,
      (select count(*)::int from funding_totals where programme_id = ${programmeId}) as totals`,
  );
  const groupBy = await timed(() =>
    queryRows(
      database.db,
      sql`select source, kind, year, sum(amount_cents) from funding_lines where programme_id = ${programmeId} group by 1, 2, 3`,
    ),
  );
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const anon = await measure(database, anonymous, programmeId, o.runs);
  const staff = await measure(database, staffActor, programmeId, o.runs);
  return {
    backend,
    projects: o.projects,
    lines: Number(counts?.lines),
    generateMs: round(generateMs, 0),
    totalsRows: Number(counts?.totals),
    groupByMs: round(groupBy.ms, 1),
    anonymous: anon,
    staff,
    load: [round(loadBefore, 1), round(os.loadavg()[0] ?? Number.NaN, 1)],
  };
}

export function printFunding(results: FundingResult[]): void {
  const pass = (v: number) =>
    v < fundingTargetP95Ms ? `PASS (< ${fundingTargetP95Ms} ms)` : `MISS (≥ ${fundingTargetP95Ms} ms)`;
  printTable(
    'Programme summary (GET /programmes/:id/summary)',
    [
      'backend',
      'projects',
      'lines',
      'generate',
      'totals rows',
      'group-by once',
      'reader',
      'runs',
      'p50',
      'p95',
      'target',
      'load 1m',
    ],
    results.flatMap((r) =>
      (['anonymous', 'staff'] as const).map((reader) => [
        r.backend,
        r.projects.toLocaleString('en-US'),
        r.lines.toLocaleString('en-US'),
        formatMs(r.generateMs),
        r.totalsRows.toLocaleString('en-US'),
        formatMs(r.groupByMs),
        reader,
        String(r[reader].runs),
        formatMs(r[reader].p50),
        formatMs(r[reader].p95),
        pass(r[reader].p95),
        `${r.load[0].toFixed(1)}–${r.load[1].toFixed(1)}`,
      ]),
    ),
  );
}
