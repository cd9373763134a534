import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createPersonRoleSchema,
  createPersonSchema,
  PersonDetail,
  updatePersonSchema,
} from '../../../contracts/people';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';
import { AppError } from '../../errors';
import { type Actor, canEditDirectory } from '../accounts';
import { recordAudit } from '../audit';
import { normaliseOrganisationName } from '../organisations';
import { manualProvenance, organisationVisibleSql, staleVersion } from '../programmes';
import { getPerson } from './people.service';
import { people, personRoles } from './people.table';

function requireDirectoryStaff(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditDirectory(actor)) throw new AppError('forbidden', 'Personen pflegen nur Mitarbeitende.');
}

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: body.${field}`, {
    fields: [{ field: `body.${field}`, reason }],
  });
}

/** Adds a person (contact details internal unless chosen otherwise). */
export async function createPerson(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createPersonSchema>,
): Promise<PersonDetail> {
  requireDirectoryStaff(actor);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ ...input, normalisedName: normaliseOrganisationName(input.name), provenance: manualProvenance(actor) })
      .returning();
    if (!row) throw new AppError('internal', 'Person konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'person', entityId: row.id, after: row });
    return row.id;
  });
  return getPerson(db, actor, id);
}

/** Changes a person if the version matches. */
export async function updatePerson(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof updatePersonSchema>,
): Promise<PersonDetail> {
  requireDirectoryStaff(actor);
  const [before] = await db.select().from(people).where(eq(people.id, id));
  if (!before) throw new AppError('not_found', `Person ${id} wurde nicht gefunden.`);
  const { version, ...changes } = input;
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(people)
      .set({
        ...changes,
        ...(changes.name ? { normalisedName: normaliseOrganisationName(changes.name) } : {}),
        version: sql`${people.version} + 1`,
      })
      .where(and(eq(people.id, id), eq(people.version, version)))
      .returning();
    if (!after) throw staleVersion('Die Person', before.version);
    await recordAudit(tx, actor, { action: 'update', entityType: 'person', entityId: id, before, after });
  });
  return getPerson(db, actor, id);
}

/** Gives a person a dated role at a (visible) organisation. */
export async function addPersonRole(
  db: Db,
  actor: Actor,
  personId: number,
  input: z.infer<typeof createPersonRoleSchema>,
): Promise<PersonDetail> {
  requireDirectoryStaff(actor);
  await getPerson(db, actor, personId);
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), organisationVisibleSql(actor, 'organisations')));
  if (!org) throw invalid('organisationId', `Organisation ${input.organisationId} gibt es nicht`);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personRoles)
      .values({
        personId,
        organisationId: input.organisationId,
        title: input.title,
        from: input.from ?? null,
        until: input.until ?? null,
        provenance: manualProvenance(actor),
      })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'person_role', entityId: row?.id ?? 0, after: row });
  });
  return getPerson(db, actor, personId);
}

/** Ends a role on a date (not before it began). */
export async function endPersonRole(db: Db, actor: Actor, roleId: number, until: string): Promise<PersonDetail> {
  requireDirectoryStaff(actor);
  const [before] = await db.select().from(personRoles).where(eq(personRoles.id, roleId));
  if (!before) throw new AppError('not_found', `Funktion ${roleId} wurde nicht gefunden.`);
  if (before.from && until < before.from) throw invalid('until', `liegt vor dem Beginn (${before.from})`);
  await db.transaction(async (tx) => {
    const [after] = await tx.update(personRoles).set({ until }).where(eq(personRoles.id, roleId)).returning();
    await recordAudit(tx, actor, { action: 'update', entityType: 'person_role', entityId: roleId, before, after });
  });
  return getPerson(db, actor, before.personId);
}
