import { and, desc, eq, sql } from 'drizzle-orm';
import type { ChangeStatus, CreateProject, ProjectDetail, UpdateProject } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { fieldsOfAction, regions } from '../../db/schema';
import { AppError } from '../../errors';
import { type Actor, canEditProgramme } from '../accounts';
import { recordAudit } from '../audit';
import { findVisibleProgramme, manualProvenance, projectVisibleSql, staleVersion } from '../programmes';
import { getProject, insertProjects } from './projects.service';
import { projectStatusChanges, projects } from './projects.table';

function requireEditor(actor: Actor, programmeId: number): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditProgramme(actor, programmeId)) {
    throw new AppError(
      'forbidden',
      'Sie dürfen Projekte dieses Programms nicht bearbeiten (Rolle Programmbüro nötig).',
    );
  }
}

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: body.${field}`, {
    fields: [{ field: `body.${field}`, reason }],
  });
}

/** Checks that a field of action belongs to the programme and a region exists. */
async function checkReferences(
  db: Db,
  programmeId: number,
  fieldOfActionId: number | null | undefined,
  regionId: number | null | undefined,
) {
  if (fieldOfActionId) {
    const [field] = await db
      .select({ id: fieldsOfAction.id })
      .from(fieldsOfAction)
      .where(and(eq(fieldsOfAction.id, fieldOfActionId), eq(fieldsOfAction.programmeId, programmeId)));
    if (!field) throw invalid('fieldOfActionId', 'gehört nicht zu diesem Programm');
  }
  if (regionId) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
    if (!region) throw invalid('regionId', 'diese Region gibt es nicht');
  }
}

/** Keeps the search document in step with title, summary, organisations, field of action and region. */
async function refreshSearchText(tx: Db, id: number): Promise<void> {
  await tx.execute(sql`
    update projects p set search_text = concat_ws(' ', p.title, p.summary, p.reference,
      (select string_agg(o.name, ' ') from project_organisations po join organisations o on o.id = po.organisation_id where po.project_id = p.id),
      (select f.name from fields_of_action f where f.id = p.field_of_action_id),
      (select r.name from regions r where r.id = p.region_id))
    where p.id = ${id}`);
}

/** The project row if the actor may see it; not_found otherwise. */
async function findVisibleProject(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), projectVisibleSql(actor, 'projects')));
  if (!row) throw new AppError('not_found', `Projekt ${id} wurde nicht gefunden.`);
  return row;
}

/** What the audit log keeps of a project row: everything but the search document. */
function auditView(row: typeof projects.$inferSelect) {
  const { searchText: _text, searchVector: _vector, ...rest } = row;
  return rest;
}

/** Creates a project in a programme with its first, dated status. */
export async function createProject(db: Db, actor: Actor, input: CreateProject): Promise<ProjectDetail> {
  await findVisibleProgramme(db, actor, input.programmeId);
  requireEditor(actor, input.programmeId);
  await checkReferences(db, input.programmeId, input.fieldOfActionId, input.regionId);
  const provenance = manualProvenance(actor);
  const id = await db.transaction(async (tx) => {
    const { status, visibility, ...fields } = input;
    const [created] = await insertProjects(tx, [
      {
        ...fields,
        organisations: [],
        fundingLines: [],
        statusChanges: [
          {
            status,
            changedOn: provenance.kind === 'manual' ? provenance.at.slice(0, 10) : null,
            comment: 'Angelegt',
            provenance,
          },
        ],
        provenance,
      },
    ]);
    if (created === undefined) throw new AppError('internal', 'Projekt konnte nicht angelegt werden.');
    const [row] = await tx.update(projects).set({ visibility }).where(eq(projects.id, created)).returning();
    await refreshSearchText(tx, created);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'project',
      entityId: created,
      after: row && auditView(row),
    });
    return created;
  });
  return getProject(db, actor, id);
}

/** Updates a project's fields if the version matches; a stale version gets 409 conflict. */
export async function updateProject(db: Db, actor: Actor, id: number, input: UpdateProject): Promise<ProjectDetail> {
  const before = await findVisibleProject(db, actor, id);
  requireEditor(actor, before.programmeId);
  const { version, ...changes } = input;
  await checkReferences(db, before.programmeId, changes.fieldOfActionId, changes.regionId);
  const startDate = changes.startDate !== undefined ? changes.startDate : before.startDate;
  const endDate = changes.endDate !== undefined ? changes.endDate : before.endDate;
  if (startDate && endDate && endDate < startDate) throw invalid('endDate', 'Ende liegt vor dem Beginn');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(projects)
      .set({ ...changes, version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!after) throw staleVersion('Das Projekt', before.version);
    await refreshSearchText(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'project',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return getProject(db, actor, id);
}

/** Records a dated status change with a comment; the project's status follows its latest change. */
export async function changeProjectStatus(
  db: Db,
  actor: Actor,
  id: number,
  input: ChangeStatus,
): Promise<ProjectDetail> {
  const before = await findVisibleProject(db, actor, id);
  requireEditor(actor, before.programmeId);
  await db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(projects)
      .set({ version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, id), eq(projects.version, input.version)))
      .returning({ id: projects.id });
    if (!bumped) throw staleVersion('Das Projekt', before.version);
    const [change] = await tx
      .insert(projectStatusChanges)
      .values({
        projectId: id,
        status: input.status,
        changedOn: input.changedOn,
        comment: input.comment,
        provenance: manualProvenance(actor),
      })
      .returning();
    const [latest] = await tx
      .select({ status: projectStatusChanges.status })
      .from(projectStatusChanges)
      .where(eq(projectStatusChanges.projectId, id))
      .orderBy(sql`${projectStatusChanges.changedOn} desc nulls last`, desc(projectStatusChanges.id))
      .limit(1);
    await tx
      .update(projects)
      .set({ status: latest?.status ?? input.status })
      .where(eq(projects.id, id));
    await recordAudit(tx, actor, {
      action: 'status_change',
      entityType: 'project',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: latest?.status ?? input.status, version: before.version + 1, change },
    });
  });
  return getProject(db, actor, id);
}
