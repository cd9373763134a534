import { eq, sql } from 'drizzle-orm';
import type { Provenance } from '../contracts/common';
import type { FundingKind, FundingSource, ProjectStatus } from '../contracts/portfolio';
import { chunks } from '../server/db/batch';
import type { Db } from '../server/db/client';
import { fundingLines, projectOrganisations, projectStatusChanges, projects, regions } from '../server/db/schema';
import { headlineAmount } from '../server/modules/funding';
import { demoImports, runImport } from '../server/modules/imports';
import { ensureOrganisations, normaliseOrganisationName } from '../server/modules/organisations';
import { ensureFieldsOfAction, upsertProgramme } from '../server/modules/programmes';
import { nowMs } from './stats';
import { groups, heads, legalForms, organisationPatterns, surnames, topics } from './words';

/** Seeded PRNG (mulberry32): the same seed gives the same data on every run. */
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  return { next, int, pick, weighted, chance: (p) => next() < p };
}

export type GenerateOptions = {
  count: number;
  seed?: number;
  /** Projects per transaction and per INSERT statement (≤ 1,000). */
  chunkSize?: number;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
};

export type GenerateResult = { projects: number; fundingLines: number; organisations: number; ms: number };

type Region = { id: number; name: string; level: string };
type Context = {
  seed: number;
  programmes: { id: number; weight: number; fields: { id: number; name: string }[] }[];
  regions: { byLevel: Map<string, Region[]> };
  organisations: { id: number; name: string }[];
};

const provenance = (row: number): Provenance => ({
  kind: 'import',
  importKind: 'bench-generator',
  file: 'bench/generate.ts',
  row,
});

const programmeSpecs = [
  { slug: 'bench-zukunftsfonds', name: 'Zukunftsfonds Wasserstoff und Energie (synthetisch)', weight: 35 },
  { slug: 'bench-strukturwandel', name: 'Strukturwandel Rheinisches Revier (synthetisch)', weight: 25 },
  { slug: 'bench-mittelstand', name: 'Innovationsprogramm Mittelstand (synthetisch)', weight: 20 },
  { slug: 'bench-efre-2021', name: 'EFRE/JTF NRW 2021–2027 (synthetisch)', weight: 12 },
  { slug: 'bench-gruendung', name: 'Gründungsoffensive Ruhr (synthetisch)', weight: 8 },
];

const statusWeights: [ProjectStatus | null, number][] = [
  ['proposed', 10],
  ['under_review', 10],
  ['in_progress', 45],
  ['completed', 30],
  ['stopped', 3],
  [null, 2],
];
const regionLevelWeights: [string | null, number][] = [
  ['municipality', 70],
  ['district', 20],
  ['admin_district', 4],
  ['state', 1],
  [null, 5],
];
const sources: FundingSource[] = ['eu_erdf', 'eu_esf', 'federal', 'state', 'municipal', 'own', 'mixed'];

/** Imports the German regions (needed for region ids) through the regular import path, unless already there. */
export async function loadRegions(db: Db): Promise<void> {
  const entry = demoImports.find(([kind]) => kind === 'regions-de');
  if (!entry) throw new Error('regions-de is not among the demo imports');
  await runImport(db, entry[0], entry[1]);
}

async function prepare(db: Db, rng: Rng, seed: number, count: number): Promise<Context> {
  const regionRows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(eq(regions.country, 'DE'));
  if (regionRows.length === 0) throw new Error('No German regions — call loadRegions(db) first.');
  const byLevel = new Map<string, Region[]>();
  for (const r of regionRows) byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), r]);
  const places = (byLevel.get('municipality') ?? regionRows).map((r) => r.name);

  const programmes: Context['programmes'] = [];
  for (const [i, spec] of programmeSpecs.entries()) {
    const id = await upsertProgramme(db, { slug: spec.slug, name: spec.name, provenance: provenance(i + 1) });
    const names = new Set<string>();
    for (let k = 0; k < 40 && names.size < 8; k++) names.add(`${rng.pick(topics)} und ${rng.pick(topics)}`);
    const fields = await ensureFieldsOfAction(
      db,
      id,
      [...names].map((name, position) => ({ name, position, provenance: provenance(i + 1) })),
    );
    programmes.push({ id, weight: spec.weight, fields: [...fields].map(([name, fid]) => ({ id: fid, name })) });
  }

  const wanted = Math.max(50, Math.round(count / 20));
  const drafts = new Map<string, { name: string; regionId: number | null; provenance: Provenance }>();
  for (let k = 0; k < wanted * 5 && drafts.size < wanted; k++) {
    const name = (rng.pick(organisationPatterns) as string)
      .replace('{s2}', rng.pick(surnames))
      .replace('{s}', rng.pick(surnames))
      .replace('{t}', rng.pick(topics))
      .replace('{p}', rng.pick(places))
      .replace('{f}', rng.pick(legalForms));
    const key = normaliseOrganisationName(name);
    if (!drafts.has(key)) drafts.set(key, { name, regionId: null, provenance: provenance(k + 1) });
  }
  const ids = await ensureOrganisations(db, [...drafts.values()]);
  const organisations = [...drafts].map(([key, d]) => ({ id: ids.get(key) as number, name: d.name }));
  return { seed, programmes, regions: { byLevel }, organisations };
}

function title(rng: Rng, place: string | null): string {
  const [t1, t2, h] = [rng.pick(topics), rng.pick(topics), rng.pick(heads)];
  switch (rng.int(0, 5)) {
    case 0:
      return `${h} ${t1}`;
    case 1:
      return `${t1}-${h}`;
    case 2:
      return `${h} für ${t1} und ${t2}`;
    case 3:
      return `${t1} und ${t2}${place ? ` in ${place}` : ''}`;
    case 4:
      return `${t1}${h.toLowerCase()} ${place ?? rng.pick(groups)}`;
    default:
      return `${h} ${t1} im ${rng.pick(groups)}`;
  }
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** One synthetic project with its links, as rows for the real tables (project id still open). */
function draft(rng: Rng, ctx: Context, index: number) {
  const programme = rng.weighted(ctx.programmes.map((p) => [p, p.weight] as const));
  const field = rng.chance(0.9) ? rng.pick(programme.fields) : null;
  const level = rng.weighted(regionLevelWeights);
  const region = level ? rng.pick(ctx.regions.byLevel.get(level) ?? [null]) : null;
  const status = rng.weighted(statusWeights);
  const year = rng.int(2007, 2027);
  const dated = rng.chance(0.9);
  const startDate = dated ? isoDate(year, rng.int(1, 12), rng.int(1, 28)) : null;
  const endDate = dated ? isoDate(year + rng.int(1, 5), rng.int(1, 12), rng.int(1, 28)) : null;
  const projectTitle = title(rng, region?.name ?? null);
  const summary = rng.chance(0.6)
    ? `Das Vorhaben stärkt ${rng.pick(topics)} und ${rng.pick(topics)} durch ${rng.pick(heads)} mit ${rng.pick(groups)}.`
    : null;
  const reference = `BENCH-${ctx.seed}-${index + 1}`;
  const orgs = new Map<number, { id: number; name: string; role: 'lead' | 'partner' }>();
  const partners = rng.int(0, 2);
  for (let k = 0; k <= partners; k++) {
    const o = rng.pick(ctx.organisations);
    if (!orgs.has(o.id)) orgs.set(o.id, { ...o, role: orgs.size === 0 ? 'lead' : 'partner' });
  }
  const lines = Array.from({ length: rng.int(1, 3) }, (_, k) => ({
    source: rng.pick(sources),
    kind: (k === 0
      ? rng.pick(['committed', 'planned'])
      : rng.pick(['planned', 'committed', 'disbursed'])) as FundingKind,
    amountCents: Math.round(10 ** (4.3 + rng.next() * 3) * 100),
    year: year + k,
    note: null,
    provenance: provenance(index + 1),
  }));
  const changes: { status: ProjectStatus; changedOn: string | null }[] = [];
  if (status && status !== 'proposed') changes.push({ status: 'proposed', changedOn: isoDate(year - 1, 6, 1) });
  if (status) changes.push({ status, changedOn: startDate });
  const project = {
    programmeId: programme.id,
    fieldOfActionId: field?.id ?? null,
    reference,
    title: projectTitle,
    summary,
    status,
    isPartnerProject: rng.chance(0.12),
    regionId: region?.id ?? null,
    startDate,
    endDate,
    fundingTotalCents: headlineAmount(lines),
    // As the service builds it: title, summary, reference, organisations, then the search terms
    // the importers add (field of action, area name).
    searchText: [projectTitle, summary, reference, ...[...orgs.values()].map((o) => o.name), field?.name, region?.name]
      .filter(Boolean)
      .join(' '),
    provenance: provenance(index + 1),
  };
  return { project, orgs: [...orgs.values()], lines, changes };
}

/** Inserts `count` synthetic projects (with organisations, status history, 1–3 funding lines each). */
export async function generateProjects(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? 20_240_601;
  const chunkSize = Math.min(1_000, options.chunkSize ?? 1_000);
  const rng = createRng(seed);
  const started = nowMs();
  const ctx = await prepare(db, rng, seed, options.count);
  let lineCount = 0;
  for (let offset = 0; offset < options.count; offset += chunkSize) {
    const n = Math.min(chunkSize, options.count - offset);
    const drafts = Array.from({ length: n }, (_, i) => draft(rng, ctx, offset + i));
    await db.transaction(async (tx) => {
      const ids = (
        await tx
          .insert(projects)
          .values(drafts.map((d) => d.project))
          .returning({ id: projects.id })
      ).map((r) => r.id);
      const id = (i: number) => ids[i] as number;
      const links = drafts.flatMap((d, i) =>
        d.orgs.map((o) => ({ projectId: id(i), organisationId: o.id, role: o.role })),
      );
      const changes = drafts.flatMap((d, i) =>
        d.changes.map((c) => ({ ...c, projectId: id(i), comment: null, provenance: d.project.provenance })),
      );
      const lines = drafts.flatMap((d, i) => d.lines.map((l) => ({ ...l, projectId: id(i) })));
      lineCount += lines.length;
      for (const part of chunks(links)) await tx.insert(projectOrganisations).values(part);
      for (const part of chunks(changes)) await tx.insert(projectStatusChanges).values(part);
      for (const part of chunks(lines)) await tx.insert(fundingLines).values(part);
    });
    options.onProgress?.(offset + n, options.count, nowMs() - started);
  }
  return {
    projects: options.count,
    fundingLines: lineCount,
    organisations: ctx.organisations.length,
    ms: nowMs() - started,
  };
}

/** Refreshes planner statistics after a bulk load. */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE`);
}
