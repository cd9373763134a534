import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { ProgrammeDetail, ProgrammeSummary, ReportedFigure } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { projects } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { programmeMoney } from '../funding';
import { fieldsOfAction, programmes, reportedFigures } from './programmes.table';
import { programmeVisibleSql, projectVisibleSql } from './visibility';

export type ProgrammeDraft = {
  slug: string;
  name: string;
  description?: string | null;
  owner?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  provenance: Provenance;
};

/** Creates the programme or updates it in place (by slug); returns its id. */
export async function upsertProgramme(tx: Db, draft: ProgrammeDraft): Promise<number> {
  const values = {
    description: null,
    owner: null,
    periodStart: null,
    periodEnd: null,
    ...draft,
  };
  const [row] = await tx
    .insert(programmes)
    .values(values)
    .onConflictDoUpdate({ target: programmes.slug, set: values })
    .returning({ id: programmes.id });
  if (!row) throw new AppError('internal', `Programm ${draft.slug} konnte nicht gespeichert werden.`);
  return row.id;
}

export type FieldOfActionDraft = { name: string; position: number; provenance: Provenance };

/** Creates the fields of action that do not exist yet; returns name → id for all of them. */
export async function ensureFieldsOfAction(
  tx: Db,
  programmeId: number,
  drafts: FieldOfActionDraft[],
): Promise<Map<string, number>> {
  if (drafts.length > 0) {
    await tx
      .insert(fieldsOfAction)
      .values(drafts.map((d) => ({ ...d, programmeId })))
      .onConflictDoUpdate({
        target: [fieldsOfAction.programmeId, fieldsOfAction.name],
        set: { position: sql`excluded.position`, provenance: sql`excluded.provenance` },
      });
  }
  const rows = await tx
    .select({ id: fieldsOfAction.id, name: fieldsOfAction.name })
    .from(fieldsOfAction)
    .where(eq(fieldsOfAction.programmeId, programmeId));
  return new Map(rows.map((r) => [r.name, r.id]));
}

export type ReportedFigureDraft = Omit<ReportedFigure, 'id'>;

/** Replaces the programme's reported figures with the given set (a re-import is not additive). */
export async function replaceReportedFigures(tx: Db, programmeId: number, figures: ReportedFigureDraft[]) {
  await tx.delete(reportedFigures).where(eq(reportedFigures.programmeId, programmeId));
  if (figures.length > 0) {
    await tx.insert(reportedFigures).values(figures.map((f) => ({ ...f, programmeId })));
  }
}

/** Programme columns with counts and sums over the projects the actor may see. */
function programmeColumns(actor: Actor) {
  const visible = projectVisibleSql(actor, 'p');
  return {
    id: programmes.id,
    slug: programmes.slug,
    name: programmes.name,
    description: programmes.description,
    owner: programmes.owner,
    periodStart: programmes.periodStart,
    periodEnd: programmes.periodEnd,
    visibility: programmes.visibility,
    version: programmes.version,
    projectCount:
      sql<number>`(select count(*) from projects p where p.programme_id = programmes.id and ${visible})`.mapWith(
        Number,
      ),
    fieldOfActionCount:
      sql<number>`(select count(*) from fields_of_action f where f.programme_id = programmes.id)`.mapWith(Number),
    fundingTotalCents:
      sql<number>`(select coalesce(sum(p.funding_total_cents), 0) from projects p where p.programme_id = programmes.id and ${visible})`.mapWith(
        Number,
      ),
  };
}

/** All programmes with their project counts and tracked money. */
export async function listProgrammes(db: Db, actor: Actor): Promise<{ items: ProgrammeSummary[]; total: number }> {
  const items = await db
    .select(programmeColumns(actor))
    .from(programmes)
    .where(programmeVisibleSql(actor, 'programmes'))
    .orderBy(asc(programmes.name));
  return { items, total: items.length };
}

/** One programme with its fields of action, status counts, money and reported figures. */
export async function getProgramme(db: Db, actor: Actor, id: number): Promise<ProgrammeDetail> {
  const [programme] = await db
    .select({ ...programmeColumns(actor), provenance: programmes.provenance })
    .from(programmes)
    .where(and(eq(programmes.id, id), programmeVisibleSql(actor, 'programmes')));
  if (!programme) throw new AppError('not_found', `Programm ${id} wurde nicht gefunden.`);

  const [fields, withoutField, statusCounts, money, figures] = await Promise.all([
    db
      .select({
        id: fieldsOfAction.id,
        name: fieldsOfAction.name,
        position: fieldsOfAction.position,
        projectCount:
          sql<number>`(select count(*) from projects p where p.field_of_action_id = fields_of_action.id)`.mapWith(
            Number,
          ),
      })
      .from(fieldsOfAction)
      .where(eq(fieldsOfAction.programmeId, id))
      .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name)),
    db
      .select({ n: count() })
      .from(projects)
      .where(
        sql`${projects.programmeId} = ${id} and ${projects.fieldOfActionId} is null and ${projectVisibleSql(actor, 'projects')}`,
      ),
    db
      .select({ status: projects.status, count: count() })
      .from(projects)
      .where(and(eq(projects.programmeId, id), projectVisibleSql(actor, 'projects')))
      .groupBy(projects.status)
      .orderBy(asc(projects.status)),
    programmeMoney(db, id, projectVisibleSql(actor, 'projects')),
    db
      .select({
        id: reportedFigures.id,
        metric: reportedFigures.metric,
        label: reportedFigures.label,
        value: reportedFigures.value,
        unit: reportedFigures.unit,
        qualifier: reportedFigures.qualifier,
        periodStart: reportedFigures.periodStart,
        periodEnd: reportedFigures.periodEnd,
        publishedOn: reportedFigures.publishedOn,
        provenance: reportedFigures.provenance,
      })
      .from(reportedFigures)
      .where(eq(reportedFigures.programmeId, id))
      .orderBy(asc(reportedFigures.publishedOn), asc(reportedFigures.id)),
  ]);

  return {
    ...programme,
    fieldsOfAction: fields,
    projectsWithoutFieldOfAction: withoutField[0]?.n ?? 0,
    statusCounts,
    money,
    reportedFigures: figures,
  };
}
