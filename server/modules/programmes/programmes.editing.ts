import { and, eq, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type {
  CreateProgramme,
  FieldOfActionInput,
  ProgrammeDetail,
  UpdateProgramme,
} from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { projects } from '../../db/schema';
import { AppError } from '../../errors';
import { type Actor, canCreateProgramme, canEditProgramme } from '../accounts';
import { recordAudit } from '../audit';
import { getProgramme } from './programmes.service';
import { fieldsOfAction, programmes } from './programmes.table';
import { programmeVisibleSql } from './visibility';

/** Provenance of a record entered through the app. */
export function manualProvenance(actor: Actor): Provenance {
  return { kind: 'manual', userId: actor.kind === 'user' ? actor.userId : 0, at: new Date().toISOString() };
}

function requireSignedIn(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
}

/** The programme row if the actor may see it; throws not_found otherwise (hidden ones are not revealed). */
export async function findVisibleProgramme(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(programmes)
    .where(and(eq(programmes.id, id), programmeVisibleSql(actor, 'programmes')));
  if (!row) throw new AppError('not_found', `Programm ${id} wurde nicht gefunden.`);
  return row;
}

function requireEditor(actor: Actor, programmeId: number): void {
  requireSignedIn(actor);
  if (!canEditProgramme(actor, programmeId)) {
    throw new AppError('forbidden', 'Sie dürfen dieses Programm nicht bearbeiten (Rolle Programmbüro nötig).');
  }
}

/** Creates a programme; programme-office users without programme scope and admins may. */
export async function createProgramme(db: Db, actor: Actor, input: CreateProgramme): Promise<ProgrammeDetail> {
  requireSignedIn(actor);
  if (!canCreateProgramme(actor)) throw new AppError('forbidden', 'Sie dürfen keine Programme anlegen.');
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, input.slug));
    if (taken) throw new AppError('conflict', `Das Kürzel „${input.slug}“ ist vergeben.`, { field: 'slug' });
    const [row] = await tx
      .insert(programmes)
      .values({ ...input, provenance: manualProvenance(actor) })
      .returning();
    if (!row) throw new AppError('internal', 'Programm konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'programme', entityId: row.id, after: row });
    return row.id;
  });
  return getProgramme(db, actor, id);
}

/** Updates a programme if the version is the one stored; a stale version gets 409 conflict. */
export async function updateProgramme(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateProgramme,
): Promise<ProgrammeDetail> {
  const before = await findVisibleProgramme(db, actor, id);
  requireEditor(actor, id);
  const { version, ...changes } = input;
  const periodStart = changes.periodStart !== undefined ? changes.periodStart : before.periodStart;
  const periodEnd = changes.periodEnd !== undefined ? changes.periodEnd : before.periodEnd;
  if (periodStart && periodEnd && periodEnd < periodStart) {
    throw new AppError('validation_failed', 'Ende liegt vor dem Beginn.', {
      fields: [{ field: 'body.periodEnd', reason: 'Ende liegt vor dem Beginn' }],
    });
  }
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(programmes)
      .set({ ...changes, version: sql`${programmes.version} + 1` })
      .where(and(eq(programmes.id, id), eq(programmes.version, version)))
      .returning();
    if (!after) throw staleVersion('Programm', before.version);
    await recordAudit(tx, actor, { action: 'update', entityType: 'programme', entityId: id, before, after });
  });
  return getProgramme(db, actor, id);
}

export function staleVersion(what: string, currentVersion: number): AppError {
  return new AppError(
    'conflict',
    `${what} wurde inzwischen geändert (aktuelle Version ${currentVersion}). Bitte neu laden und die Änderung erneut vornehmen.`,
    { currentVersion },
  );
}

/** Adds a field of action to a programme. */
export async function createFieldOfAction(db: Db, actor: Actor, programmeId: number, input: FieldOfActionInput) {
  await findVisibleProgramme(db, actor, programmeId);
  requireEditor(actor, programmeId);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: fieldsOfAction.id })
      .from(fieldsOfAction)
      .where(and(eq(fieldsOfAction.programmeId, programmeId), eq(fieldsOfAction.name, input.name)));
    if (taken) throw new AppError('conflict', `Das Handlungsfeld „${input.name}“ gibt es schon.`, { field: 'name' });
    const [row] = await tx
      .insert(fieldsOfAction)
      .values({
        programmeId,
        name: input.name,
        position:
          input.position ??
          sql`(select coalesce(max(position), 0) + 1 from fields_of_action where programme_id = ${programmeId})`,
        provenance: manualProvenance(actor),
      })
      .returning();
    if (!row) throw new AppError('internal', 'Handlungsfeld konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'field_of_action', entityId: row.id, after: row });
    return { id: row.id, name: row.name, position: row.position, projectCount: 0 };
  });
}

/** Renames or moves a field of action. */
export async function updateFieldOfAction(db: Db, actor: Actor, id: number, input: Partial<FieldOfActionInput>) {
  const [before] = await db.select().from(fieldsOfAction).where(eq(fieldsOfAction.id, id));
  if (!before) throw new AppError('not_found', `Handlungsfeld ${id} wurde nicht gefunden.`);
  await findVisibleProgramme(db, actor, before.programmeId);
  requireEditor(actor, before.programmeId);
  return db.transaction(async (tx) => {
    const [after] = await tx.update(fieldsOfAction).set(input).where(eq(fieldsOfAction.id, id)).returning();
    if (!after) throw new AppError('not_found', `Handlungsfeld ${id} wurde nicht gefunden.`);
    await recordAudit(tx, actor, { action: 'update', entityType: 'field_of_action', entityId: id, before, after });
    const [counted] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(projects)
      .where(eq(projects.fieldOfActionId, id));
    return { id, name: after.name, position: after.position, projectCount: counted?.n ?? 0 };
  });
}
