import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { ListProjectsQuery, ProjectDetail, ProjectListItem, ProjectStatus } from '../../../contracts/portfolio';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { fieldsOfAction, organisations, programmes, regions } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { type FundingLineDraft, headlineAmount, insertFundingLines, listProjectFundingLines } from '../funding';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { getRegionPath } from '../regions';
import { toPrefixTsQuery } from './project-search';
import { projectOrganisations, projectStatusChanges, projects } from './projects.table';

export type ProjectDraft = {
  programmeId: number;
  fieldOfActionId?: number | null;
  reference?: string | null;
  title: string;
  summary?: string | null;
  isPartnerProject?: boolean;
  regionId?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  organisations: {
    organisationId: number;
    name: string;
    role: 'lead' | 'partner';
    contributionCents?: number | null;
  }[];
  statusChanges: { status: ProjectStatus; changedOn: string | null; comment?: string | null; provenance: Provenance }[];
  fundingLines: FundingLineDraft[];
  /** Further words the project should be found by (e.g. its field of action). */
  searchTerms?: string[];
  /** Public unless said otherwise (e.g. a project approved under an internal call). */
  visibility?: 'public' | 'internal' | 'restricted';
  provenance: Provenance;
};

/** Replaces all projects of a programme with the drafts — used by imports, which own their programme. */
export async function replaceProgrammeProjects(tx: Db, programmeId: number, drafts: ProjectDraft[]) {
  await tx.delete(projects).where(eq(projects.programmeId, programmeId));
  return insertProjects(tx, drafts);
}

/** Inserts projects with their organisations, status history and funding lines, in batches. */
export async function insertProjects(tx: Db, drafts: ProjectDraft[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(drafts, 500)) {
    const rows = await tx.insert(projects).values(part.map(toProjectRow)).returning({
      id: projects.id,
      programmeId: projects.programmeId,
      fieldOfActionId: projects.fieldOfActionId,
      visibility: projects.visibility,
    });
    const partIds = rows.map((r) => r.id);
    ids.push(...partIds);
    const links = part.flatMap((d, i) =>
      d.organisations.map((o) => ({
        projectId: partIds[i] as number,
        organisationId: o.organisationId,
        role: o.role,
        contributionCents: o.contributionCents ?? null,
      })),
    );
    if (links.length > 0) await tx.insert(projectOrganisations).values(links).onConflictDoNothing();
    const changes = part.flatMap((d, i) =>
      d.statusChanges.map((c) => ({ ...c, comment: c.comment ?? null, projectId: partIds[i] as number })),
    );
    if (changes.length > 0) await tx.insert(projectStatusChanges).values(changes);
    await insertFundingLines(
      tx,
      // The project's programme, field and visibility travel with its lines (the totals trigger needs them).
      part.flatMap((d, i) => {
        const row = rows[i] as (typeof rows)[number];
        return d.fundingLines.map((l) => ({
          ...l,
          projectId: row.id,
          programmeId: row.programmeId,
          fieldOfActionId: row.fieldOfActionId,
          projectVisibility: row.visibility,
        }));
      }),
    );
  }
  return ids;
}

function toProjectRow(d: ProjectDraft) {
  const latest = latestStatus(d.statusChanges);
  return {
    programmeId: d.programmeId,
    fieldOfActionId: d.fieldOfActionId ?? null,
    reference: d.reference ?? null,
    title: d.title,
    summary: d.summary ?? null,
    status: latest,
    isPartnerProject: d.isPartnerProject ?? false,
    regionId: d.regionId ?? null,
    startDate: d.startDate ?? null,
    endDate: d.endDate ?? null,
    fundingTotalCents: headlineAmount(d.fundingLines),
    visibility: d.visibility ?? 'public',
    searchText: [d.title, d.summary, d.reference, ...d.organisations.map((o) => o.name), ...(d.searchTerms ?? [])]
      .filter(Boolean)
      .join(' '),
    provenance: d.provenance,
  };
}

/** The status in force: the last dated change, or the last listed one when none is dated. */
function latestStatus(changes: ProjectDraft['statusChanges']): ProjectStatus | null {
  if (changes.length === 0) return null;
  const sorted = [...changes].sort((a, b) => (a.changedOn ?? '').localeCompare(b.changedOn ?? ''));
  return sorted[sorted.length - 1]?.status ?? null;
}

// Written with explicit table names: drizzle leaves columns unqualified in single-table selects.
const leadOrganisation = sql<string | null>`(
  select o.name from project_organisations po join organisations o on o.id = po.organisation_id
  where po.project_id = projects.id order by (po.role = 'lead') desc, o.name limit 1)`;

const listColumns = {
  id: projects.id,
  title: projects.title,
  reference: projects.reference,
  programmeId: programmes.id,
  programmeName: programmes.name,
  fieldOfActionId: fieldsOfAction.id,
  fieldOfActionName: fieldsOfAction.name,
  status: projects.status,
  isPartnerProject: projects.isPartnerProject,
  regionId: regions.id,
  regionName: regions.name,
  regionLevel: regions.level,
  leadOrganisation,
  startDate: projects.startDate,
  endDate: projects.endDate,
  fundingTotalCents: projects.fundingTotalCents,
};

/** The list's columns: the project with its programme, field of action, region and lead organisation. */
export function selectProjectList(db: Db) {
  return db
    .select(listColumns)
    .from(projects)
    .innerJoin(programmes, eq(programmes.id, projects.programmeId))
    .leftJoin(fieldsOfAction, eq(fieldsOfAction.id, projects.fieldOfActionId))
    .leftJoin(regions, eq(regions.id, projects.regionId))
    .$dynamic();
}

export type ProjectListRow = Awaited<ReturnType<typeof selectProjectList>>[number];

function toListItem(r: ProjectListRow): ProjectListItem {
  return {
    id: r.id,
    title: r.title,
    programme: { id: r.programmeId, name: r.programmeName },
    fieldOfAction:
      r.fieldOfActionId !== null && r.fieldOfActionName !== null
        ? { id: r.fieldOfActionId, name: r.fieldOfActionName }
        : null,
    status: r.status,
    isPartnerProject: r.isPartnerProject,
    region:
      r.regionId !== null && r.regionName !== null && r.regionLevel !== null
        ? { id: r.regionId, name: r.regionName, level: r.regionLevel }
        : null,
    leadOrganisation: r.leadOrganisation,
    startDate: r.startDate,
    endDate: r.endDate,
    fundingTotalCents: r.fundingTotalCents,
  };
}

/** Totals above this are reported as "more than COUNT_CAP". */
export const COUNT_CAP = 10_000;

/** The list's filters: everything of its query but the page. */
export type ProjectFilters = Omit<ListProjectsQuery, 'page' | 'pageSize'>;

/**
 * How the list and its exports select and order projects: visibility, search and filters as one
 * WHERE; the matches counted up to the cap; the ORDER BY (ending in the id) that count allows.
 */
export async function planProjectList(db: Db, actor: Actor, query: ProjectFilters, countCap = COUNT_CAP) {
  const filters: SQL[] = [projectVisibleSql(actor, 'projects')];
  const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
  const tsq = tsQuery ? sql`to_tsquery('german'::regconfig, standort_unaccent(${tsQuery}))` : null;
  if (tsq) filters.push(sql`${projects.searchVector} @@ ${tsq}`);
  if (query.programmeId) filters.push(eq(projects.programmeId, query.programmeId));
  if (query.fieldOfActionId) filters.push(eq(projects.fieldOfActionId, query.fieldOfActionId));
  if (query.status) filters.push(eq(projects.status, query.status));
  if (query.isPartnerProject !== undefined) filters.push(eq(projects.isPartnerProject, query.isPartnerProject));
  if (query.regionId) {
    filters.push(sql`${projects.regionId} in (
      select d.id from ${regions} d, ${regions} r
      where r.id = ${query.regionId} and d.path like r.path || '%')`);
  }
  const where = and(...filters);
  // Counting stops past the cap: an exact count of tens of thousands of matches costs more than
  // the page itself, and "mehr als 10.000" is all a reader needs.
  const totals = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(
    db
      .select({ one: sql`1` })
      .from(projects)
      .where(where)
      .limit(countCap + 1)
      .as('capped'),
  );
  const counted = totals[0]?.n ?? 0;
  // Ranking every one of more matches than the cap would cost seconds on large portfolios and says
  // little about a word that common; such broad searches are listed by title instead.
  const rankable = tsq !== null && counted <= countCap;
  const sort = query.sort === 'relevance' || query.sort === undefined ? (rankable ? 'relevance' : 'title') : query.sort;
  const order: SQL[] = {
    relevance: tsq ? [sql`ts_rank(${projects.searchVector}, ${tsq}) desc`] : [],
    title: [asc(projects.title)],
    '-title': [desc(projects.title)],
    startDate: [sql`${projects.startDate} asc nulls last`],
    '-startDate': [sql`${projects.startDate} desc nulls last`],
    funding: [asc(projects.fundingTotalCents)],
    '-funding': [desc(projects.fundingTotalCents)],
  }[sort];
  return { where, order: [...order, asc(projects.id)], counted };
}

/** Projects matching the search and filters, one page of them, with the total count (capped). */
export async function listProjects(db: Db, actor: Actor, query: ListProjectsQuery, countCap = COUNT_CAP) {
  const { where, order, counted } = await planProjectList(db, actor, query, countCap);
  const rows = await selectProjectList(db)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toListItem), total: Math.min(counted, countCap), isTotalCapped: counted > countCap };
}

/** One project with its organisations, region path, status history, money and provenance. */
export async function getProject(db: Db, actor: Actor, id: number): Promise<ProjectDetail> {
  const [[row], [extra]] = await Promise.all([
    selectProjectList(db).where(and(eq(projects.id, id), projectVisibleSql(actor, 'projects'))),
    db
      .select({
        reference: projects.reference,
        summary: projects.summary,
        provenance: projects.provenance,
        visibility: projects.visibility,
        version: projects.version,
      })
      .from(projects)
      .where(eq(projects.id, id)),
  ]);
  if (!row || !extra) throw new AppError('not_found', `Projekt ${id} wurde nicht gefunden.`);

  const [orgs, history, lines, regionPath] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        type: organisations.type,
        role: projectOrganisations.role,
      })
      .from(projectOrganisations)
      .innerJoin(organisations, eq(organisations.id, projectOrganisations.organisationId))
      // An organisation the actor may not see is left out of the consortium.
      .where(and(eq(projectOrganisations.projectId, id), organisationVisibleSql(actor, 'organisations')))
      .orderBy(desc(sql`${projectOrganisations.role} = 'lead'`), asc(organisations.name)),
    db
      .select({
        status: projectStatusChanges.status,
        changedOn: projectStatusChanges.changedOn,
        comment: projectStatusChanges.comment,
        provenance: projectStatusChanges.provenance,
      })
      .from(projectStatusChanges)
      .where(eq(projectStatusChanges.projectId, id))
      .orderBy(sql`${projectStatusChanges.changedOn} asc nulls first`, asc(projectStatusChanges.id)),
    listProjectFundingLines(db, id),
    row.regionId ? getRegionPath(db, row.regionId) : Promise.resolve([]),
  ]);

  return {
    ...toListItem(row),
    reference: extra.reference,
    summary: extra.summary,
    regionPath,
    organisations: orgs,
    statusHistory: history,
    fundingLines: lines.map((l) => ({ ...l, currency: 'EUR' as const })),
    provenance: extra.provenance,
    visibility: extra.visibility,
    version: extra.version,
  };
}
