import { and, asc, count, desc, eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { type ListProjectsQuery, listProjectsQuerySchema } from '../contracts/portfolio';
import type { buildApp } from '../server/app';
import type { Database, Db } from '../server/db/client';
import * as schema from '../server/db/schema';
import { fieldsOfAction, programmes, projects, regions } from '../server/db/schema';
import { type Actor, anonymous } from '../server/modules/accounts';
import { listProjects } from '../server/modules/projects';
import { formatMs, nowMs, printTable, type Summary, summarise, verdict } from './stats';

export const searchTargetP95Ms = 50;

export type RawQuery = Record<string, string | number>;
export type LabelledQuery = { label: string; raw: RawQuery };
export type QueryStats = { label: string; runs: number; p50: number; max: number; total: number };
export type SearchResult = { via: 'service' | 'http'; warmupRuns: number; overall: Summary; perQuery: QueryStats[] };

/** Ids the query mix filters by, read from whatever data the database holds. */
export type SearchFixtures = {
  programmeIds: number[];
  field: { id: number; programmeId: number } | null;
  dortmundId: number | null;
};

export async function resolveFixtures(db: Db): Promise<SearchFixtures> {
  const byProjects = await db
    .select({ id: programmes.id, n: count(projects.id) })
    .from(programmes)
    .leftJoin(projects, eq(projects.programmeId, programmes.id))
    .groupBy(programmes.id)
    .orderBy(desc(count(projects.id)), asc(programmes.id))
    .limit(2);
  const [field] = await db
    .select({ id: fieldsOfAction.id, programmeId: fieldsOfAction.programmeId })
    .from(fieldsOfAction)
    .innerJoin(projects, eq(projects.fieldOfActionId, fieldsOfAction.id))
    .groupBy(fieldsOfAction.id)
    .orderBy(desc(count(projects.id)), asc(fieldsOfAction.id))
    .limit(1);
  const [dortmund] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.code, '05913'), eq(regions.level, 'district')));
  return { programmeIds: byProjects.map((p) => p.id), field: field ?? null, dortmundId: dortmund?.id ?? null };
}

/** A fixed, realistic mix: full words, word beginnings, filters alone and combined, sorts, later pages. */
export function queryMix(f: SearchFixtures): LabelledQuery[] {
  const p1 = f.programmeIds[0];
  const p2 = f.programmeIds[1] ?? p1;
  const programme = (id: number | undefined): RawQuery => (id ? { programmeId: id } : {});
  const region: RawQuery = f.dortmundId ? { regionId: f.dortmundId } : {};
  const field: RawQuery = f.field ? { fieldOfActionId: f.field.id, programmeId: f.field.programmeId } : {};
  const mix: LabelledQuery[] = [
    { label: 'q=Wasserstoff', raw: { q: 'Wasserstoff' } },
    { label: 'q=Forschung', raw: { q: 'Forschung' } },
    { label: 'q=Innovation', raw: { q: 'Innovation' } },
    { label: 'q=Kläranlage', raw: { q: 'Kläranlage' } },
    { label: 'q=Mobilität', raw: { q: 'Mobilität' } },
    { label: 'q=Fachkräfte', raw: { q: 'Fachkräfte' } },
    { label: 'q=wasserst (partial)', raw: { q: 'wasserst' } },
    { label: 'q=Digital (partial)', raw: { q: 'Digital' } },
    { label: 'q=Kreislauf (partial) + programme', raw: { q: 'Kreislauf', ...programme(p2) } },
    { label: 'q=Forsch (partial) + programme', raw: { q: 'Forsch', ...programme(p1) } },
    { label: 'q=Innovation + status', raw: { q: 'Innovation', status: 'in_progress' } },
    { label: 'q=Forschung + Kreis Dortmund', raw: { q: 'Forschung', ...region } },
    { label: 'q=Mobilität Dortmund (2 words)', raw: { q: 'Mobilität Dortmund' } },
    { label: 'q=Innovation sort=-funding page=2', raw: { q: 'Innovation', sort: '-funding', page: 2 } },
    { label: 'q=Gründung pageSize=50', raw: { q: 'Gründung', pageSize: 50 } },
    { label: 'q=Unternehmen + Dortmund + status', raw: { q: 'Unternehmen', ...region, status: 'in_progress' } },
    { label: 'q=Energie + programme + Dortmund', raw: { q: 'Energie', ...programme(p1), ...region } },
    { label: 'q=Kläranlagen sort=-startDate', raw: { q: 'Kläranlagen', sort: '-startDate' } },
    { label: 'all, sort=title', raw: {} },
    { label: 'all, sort=startDate page=10', raw: { sort: 'startDate', page: 10 } },
    { label: 'programme sort=-funding', raw: { ...programme(p1), sort: '-funding' } },
    { label: 'programme + field sort=-startDate', raw: { ...field, sort: '-startDate' } },
    { label: 'field page=2', raw: { ...field, page: 2 } },
    { label: 'Kreis Dortmund', raw: { ...region } },
    { label: 'status=completed page=3', raw: { status: 'completed', page: 3 } },
    {
      label: 'programme + status + partner',
      raw: { ...programme(p2), status: 'in_progress', isPartnerProject: 'true' },
    },
  ];
  return mix;
}

const asStrings = (raw: RawQuery) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));

/** The query exactly as the route hands it to the service (coerced and defaulted by the contract). */
export function parseQuery(raw: RawQuery): ListProjectsQuery {
  return listProjectsQuerySchema.parse(asStrings(raw));
}

type Runner = (q: LabelledQuery) => Promise<number>;

async function measure(
  via: SearchResult['via'],
  mix: LabelledQuery[],
  run: Runner,
  runs: number,
  warmup: number,
): Promise<SearchResult> {
  const totals = new Map<string, number>();
  for (let i = 0; i < warmup; i++) {
    const q = mix[i % mix.length] as LabelledQuery;
    totals.set(q.label, await run(q));
  }
  const all: number[] = [];
  const byLabel = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const q = mix[i % mix.length] as LabelledQuery;
    const started = nowMs();
    await run(q);
    const ms = nowMs() - started;
    all.push(ms);
    byLabel.set(q.label, [...(byLabel.get(q.label) ?? []), ms]);
  }
  const perQuery = mix.map((q) => {
    const s = summarise(byLabel.get(q.label) ?? []);
    return { label: q.label, runs: s.runs, p50: s.p50, max: s.max, total: totals.get(q.label) ?? 0 };
  });
  return { via, warmupRuns: warmup, overall: summarise(all), perQuery };
}

/** Who searches: by default the anonymous public, as GET /api/projects without a session. */
export type SearchOptions = { runs?: number; warmup?: number; actor?: Actor };

/** listProjects called directly, as the route does. */
export async function benchSearchService(db: Db, mix: LabelledQuery[], o: SearchOptions = {}) {
  const parsed = new Map(mix.map((q) => [q.label, parseQuery(q.raw)]));
  const actor = o.actor ?? anonymous;
  const run: Runner = async (q) => (await listProjects(db, actor, parsed.get(q.label) as ListProjectsQuery)).total;
  return measure('service', mix, run, Math.max(200, o.runs ?? 400), o.warmup ?? mix.length * 2);
}

/** GET /api/projects through Fastify's inject: routing, validation and serialisation included. */
export async function benchSearchHttp(
  app: Awaited<ReturnType<typeof buildApp>>,
  mix: LabelledQuery[],
  o: SearchOptions = {},
) {
  const urls = new Map(mix.map((q) => [q.label, `/api/projects?${new URLSearchParams(asStrings(q.raw))}`]));
  const run: Runner = async (q) => {
    const res = await app.inject({ method: 'GET', url: urls.get(q.label) as string });
    if (res.statusCode !== 200) throw new Error(`${urls.get(q.label)} → ${res.statusCode}: ${res.body}`);
    return (res.json() as { total: number }).total;
  };
  return measure('http', mix, run, Math.max(200, o.runs ?? 400), o.warmup ?? mix.length * 2);
}

/** The statements listProjects sends for a query, each with its EXPLAIN (ANALYZE, BUFFERS) plan. */
export async function explainQuery(
  database: Database,
  raw: RawQuery,
  actor: Actor = anonymous,
): Promise<{ sql: string; plan: string[] }[]> {
  return explainStatements(database, (db) => listProjects(db, actor, parseQuery(raw)));
}

/** Runs `call` on a Db that records its statements, then runs each with EXPLAIN (ANALYZE, BUFFERS). */
export async function explainStatements(
  database: Database,
  call: (db: Db) => Promise<unknown>,
): Promise<{ sql: string; plan: string[] }[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => statements.push({ sql, params }) };
  const client = (database.db as unknown as { $client: { query(sql: string, params: unknown[]): Promise<unknown> } })
    .$client;
  const options = { schema, casing: 'snake_case' as const, logger };
  const capturing: Db =
    database.kind === 'postgres'
      ? drizzlePg({ client: client as never, ...options })
      : drizzlePglite({ client: client as never, ...options });
  await call(capturing);
  const out: { sql: string; plan: string[] }[] = [];
  // Session settings (`set local` of a probe's transaction) are not statements a plan exists for.
  for (const s of statements.filter((x) => /^\s*(select|with)\b/i.test(x.sql))) {
    const res = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params)) as {
      rows: Record<string, string>[];
    };
    out.push({ sql: s.sql, plan: res.rows.map((r) => Object.values(r)[0] ?? '') });
  }
  return out;
}

export function printSearch(title: string, results: SearchResult[], top = 5): void {
  printTable(
    title,
    ['via', 'runs', 'p50', 'p95', 'p99', 'max', `target p95 < ${searchTargetP95Ms} ms`],
    results.map((r) => [
      r.via === 'service' ? 'listProjects (service, anonymous)' : 'GET /api/projects (app.inject, no session)',
      String(r.overall.runs),
      formatMs(r.overall.p50),
      formatMs(r.overall.p95),
      formatMs(r.overall.p99),
      formatMs(r.overall.max),
      verdict(r.overall.p95, searchTargetP95Ms),
    ]),
  );
  const service = results.find((r) => r.via === 'service');
  if (!service) return;
  const slowest = [...service.perQuery].sort((a, b) => b.p50 - a.p50).slice(0, top);
  printTable(
    `  slowest queries (service, by median)`,
    ['query', 'runs', 'p50', 'max', 'matches'],
    slowest.map((q) => [q.label, String(q.runs), formatMs(q.p50), formatMs(q.max), q.total.toLocaleString('en-US')]),
  );
}
