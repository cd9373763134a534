import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Visibility } from '../../../contracts/accounts';
import type { FundingKind, FundingSource, ProjectStatus } from '../../../contracts/portfolio';
import { fundingKinds, fundingSources, projectStatuses } from '../../../contracts/portfolio';
import type { ProgressReport, ReportFigure, ReportHeadline, ReportProject } from '../../../contracts/reports';
import { todayInGermany } from '../../calendar';
import type { Db } from '../../db/client';
import { fieldsOfAction, fundingLines, projects, regions, reportedFigures } from '../../db/schema';
import type { Actor } from '../accounts';
import { findVisibleProgramme, projectVisibleSql } from '../programmes';
import { diffReports } from './report-diff';
import { latestReadableSnapshotBefore } from './snapshot-query';

// How a project's status is read as of a date (the rule the report states):
// 1. the latest status change dated on or before the date;
// 2. a project without any dated change keeps its current status — the sources give no date
//    (Ruhr-Konferenz partner projects "umgesetzt werden"), so that is the best the data gives;
// 3. a project whose dated changes all lie after the date had no published status yet (null).
// A project is in the report unless everything dated about it — start date, first dated status
// change — lies after the date; a project without any date is always in.

const firstDatedChange = sql`(select min(c.changed_on) from project_status_changes c where c.project_id = projects.id)`;

const datedStatus = (asOf: string) =>
  sql`(select c.status from project_status_changes c where c.project_id = projects.id
    and c.changed_on is not null and c.changed_on <= ${asOf}::date order by c.changed_on desc, c.id desc limit 1)`;

const datedSince = (asOf: string) =>
  sql`(select max(c.changed_on) from project_status_changes c where c.project_id = projects.id
    and c.changed_on is not null and c.changed_on <= ${asOf}::date)`;

/** Whether the project under `projects` existed as of the date (see the rule above). */
const existedAsOf = (asOf: string) =>
  sql`coalesce(least(${projects.startDate}, ${firstDatedChange}), ${asOf}::date) <= ${asOf}::date`;

const leadOrganisation = sql<string | null>`(
  select o.name from project_organisations po join organisations o on o.id = po.organisation_id
  where po.project_id = projects.id order by (po.role = 'lead') desc, o.name limit 1)`;

const levelRank: Record<Visibility, number> = { public: 0, internal: 1, restricted: 2 };

type Bucket = { source: FundingSource; kind: FundingKind; year: number | null; amountCents: number };

/** The progress report of a programme as of a date, over the records the actor may see. */
export async function getProgrammeReport(
  db: Db,
  actor: Actor,
  programmeId: number,
  asOf: string = todayInGermany(),
): Promise<ProgressReport> {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const report = await buildReport(db, actor, programme, asOf);
  const previous = await latestReadableSnapshotBefore(db, actor, programme.id, asOf);
  return {
    ...report,
    changes: previous
      ? {
          previous: {
            id: previous.id,
            version: previous.version,
            asOf: previous.asOf,
            title: previous.title,
            frozenAt: previous.frozenAt,
          },
          diff: diffReports(previous.data, report),
        }
      : null,
  };
}

type ProgrammeRow = Awaited<ReturnType<typeof findVisibleProgramme>>;

async function buildReport(
  db: Db,
  actor: Actor,
  programme: ProgrammeRow,
  asOf: string,
): Promise<Omit<ProgressReport, 'changes'>> {
  const where = and(eq(projects.programmeId, programme.id), projectVisibleSql(actor, 'projects'), existedAsOf(asOf));
  const asOfYear = Number(asOf.slice(0, 4));
  const [rows, lines, fields, figures] = await Promise.all([
    db
      .select({
        id: projects.id,
        reference: projects.reference,
        title: projects.title,
        fieldOfActionId: projects.fieldOfActionId,
        fieldOfAction: fieldsOfAction.name,
        currentStatus: projects.status,
        datedStatus: sql<ProjectStatus | null>`${datedStatus(asOf)}`,
        statusSince: sql<string | null>`${datedSince(asOf)}::text`,
        firstDatedChange: sql<string | null>`${firstDatedChange}::text`,
        isPartnerProject: projects.isPartnerProject,
        leadOrganisation,
        region: regions.name,
        startDate: projects.startDate,
        endDate: projects.endDate,
        visibility: projects.visibility,
      })
      .from(projects)
      .leftJoin(fieldsOfAction, eq(fieldsOfAction.id, projects.fieldOfActionId))
      .leftJoin(regions, eq(regions.id, projects.regionId))
      .where(where)
      .orderBy(asc(fieldsOfAction.position), asc(projects.title), asc(projects.id)),
    db
      .select({
        projectId: fundingLines.projectId,
        source: fundingLines.source,
        kind: fundingLines.kind,
        year: fundingLines.year,
        amountCents: sql<number>`sum(${fundingLines.amountCents})`.mapWith(Number),
      })
      .from(fundingLines)
      .innerJoin(projects, eq(projects.id, fundingLines.projectId))
      .where(and(where, sql`(${fundingLines.year} is null or ${fundingLines.year} <= ${asOfYear})`))
      .groupBy(fundingLines.projectId, fundingLines.source, fundingLines.kind, fundingLines.year),
    db
      .select({ id: fieldsOfAction.id, name: fieldsOfAction.name })
      .from(fieldsOfAction)
      .where(eq(fieldsOfAction.programmeId, programme.id))
      .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name)),
    db
      .select()
      .from(reportedFigures)
      .where(and(eq(reportedFigures.programmeId, programme.id), lte(reportedFigures.publishedOn, asOf)))
      .orderBy(asc(reportedFigures.publishedOn), asc(reportedFigures.id)),
  ]);

  const moneyOf = new Map<number, { committed: number; planned: number; disbursed: number }>();
  const buckets = new Map<string, Bucket>();
  for (const line of lines) {
    const money = moneyOf.get(line.projectId) ?? { committed: 0, planned: 0, disbursed: 0 };
    money[line.kind] += line.amountCents;
    moneyOf.set(line.projectId, money);
    const key = `${line.source}|${line.kind}|${line.year}`;
    const bucket = buckets.get(key) ?? { source: line.source, kind: line.kind, year: line.year, amountCents: 0 };
    bucket.amountCents += line.amountCents;
    buckets.set(key, bucket);
  }

  let visibility: Visibility = programme.visibility;
  const reportProjects: ReportProject[] = rows.map((row) => {
    if (levelRank[row.visibility] > levelRank[visibility]) visibility = row.visibility;
    const money = moneyOf.get(row.id);
    const status = row.datedStatus ?? (row.firstDatedChange === null ? row.currentStatus : null);
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      fieldOfAction: row.fieldOfAction,
      status,
      statusSince: row.datedStatus ? row.statusSince : null,
      isPartnerProject: row.isPartnerProject,
      leadOrganisation: row.leadOrganisation,
      region: row.region,
      startDate: row.startDate,
      endDate: row.endDate,
      fundingCents: money ? (money.committed !== 0 ? money.committed : money.planned) : 0,
      disbursedCents: money?.disbursed ?? 0,
      visibility: row.visibility,
    };
  });

  const money = [...buckets.values()].sort(
    (a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind),
  );
  const byField = new Map<number | null, ReportProject[]>();
  reportProjects.forEach((project, i) => {
    const fieldId = rows[i]?.fieldOfActionId ?? null;
    const inField = byField.get(fieldId);
    if (inField) inField.push(project);
    else byField.set(fieldId, [project]);
  });
  const headline = headlineOf(reportProjects, money);
  const byStatus = statusCounts(reportProjects);
  return {
    programme: { id: programme.id, slug: programme.slug, name: programme.name, owner: programme.owner },
    asOf,
    generatedAt: new Date().toISOString(),
    visibility,
    headline,
    byStatus,
    byFieldOfAction: [...fields.map((f) => ({ id: f.id, name: f.name })), { id: null, name: null }]
      .map((field) => {
        const inField = byField.get(field.id) ?? [];
        return {
          ...field,
          projects: inField.length,
          statusCounts: statusCounts(inField),
          fundingCents: inField.reduce((sum, p) => sum + p.fundingCents, 0),
        };
      })
      .filter((field) => field.id !== null || field.projects > 0),
    money,
    bySource: rollUp(money, (b) => b.source).map(([source, sums]) => ({ source, ...sums })),
    byYear: rollUp(money, (b) => b.year).map(([year, sums]) => ({ year, ...sums })),
    projects: reportProjects,
    reportedFigures: figures.map((figure) => {
      const tracked = trackedFigure(figure.metric, figure.periodStart, figure.periodEnd, headline, byStatus, money);
      return {
        id: figure.id,
        metric: figure.metric,
        label: figure.label,
        unit: figure.unit,
        qualifier: figure.qualifier,
        value: figure.value,
        periodStart: figure.periodStart,
        periodEnd: figure.periodEnd,
        publishedOn: figure.publishedOn,
        tracked,
        difference: tracked === null ? null : tracked - figure.value,
      } satisfies ReportFigure;
    }),
  };
}

/** Counts per status in the order of the workflow, "not published" last; every status is listed. */
function statusCounts(rows: Pick<ReportProject, 'status'>[]) {
  const order: (ProjectStatus | null)[] = [...projectStatuses, null];
  return order.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));
}

function headlineOf(rows: ReportProject[], money: Bucket[]): ReportHeadline {
  const count = (status: ProjectStatus | null) => rows.filter((r) => r.status === status).length;
  const sumOf = (kind: FundingKind) => money.filter((b) => b.kind === kind).reduce((s, b) => s + b.amountCents, 0);
  return {
    projects: rows.length,
    inProgress: count('in_progress'),
    completed: count('completed'),
    underReview: count('under_review'),
    withoutStatus: count(null),
    fundingCents: rows.reduce((s, r) => s + r.fundingCents, 0),
    plannedCents: sumOf('planned'),
    committedCents: sumOf('committed'),
    disbursedCents: sumOf('disbursed'),
  };
}

/** Planned, committed and disbursed sums per key, in the order the keys first appear. */
function rollUp<K>(money: Bucket[], keyOf: (b: Bucket) => K) {
  const sums = new Map<K, { plannedCents: number; committedCents: number; disbursedCents: number }>();
  for (const bucket of money) {
    const key = keyOf(bucket);
    const sum = sums.get(key) ?? { plannedCents: 0, committedCents: 0, disbursedCents: 0 };
    sum[`${bucket.kind}Cents`] += bucket.amountCents;
    sums.set(key, sum);
  }
  return [...sums.entries()];
}

const yearOf = (date: string | null) => (date === null ? null : Number(date.slice(0, 4)));

/**
 * What Standort tracks for a reported metric: `projects.total`, `projects.status.<status>`,
 * `funding.total` (headline amount) and `funding.<source>.<kind>` (lines of the figure's period
 * when it names one, lines without a year only when it does not); null for anything else.
 */
function trackedFigure(
  metric: string,
  periodStart: string | null,
  periodEnd: string | null,
  headline: ReportHeadline,
  byStatus: { status: ProjectStatus | null; count: number }[],
  money: Bucket[],
): number | null {
  if (metric === 'projects.total') return headline.projects;
  if (metric === 'funding.total') return headline.fundingCents;
  const [group, first, second] = metric.split('.');
  if (group === 'projects' && first === 'status') {
    return byStatus.find((s) => s.status === second)?.count ?? null;
  }
  if (group === 'funding' && first && second) {
    const from = yearOf(periodStart);
    const to = yearOf(periodEnd);
    const hasPeriod = from !== null || to !== null;
    const inPeriod = (year: number | null) =>
      year === null ? !hasPeriod : (from === null || year >= from) && (to === null || year <= to);
    const matching = money.filter(
      (b) => (first === 'all' || b.source === first) && b.kind === second && inPeriod(b.year),
    );
    const isKnown = (first === 'all' || isOneOf(fundingSources, first)) && isOneOf(fundingKinds, second);
    return isKnown ? matching.reduce((s, b) => s + b.amountCents, 0) : null;
  }
  return null;
}

const isOneOf = (values: readonly string[], value: string) => values.includes(value);
