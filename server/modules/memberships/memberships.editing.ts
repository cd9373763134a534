import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createMembershipSchema, Membership } from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { organisations, partnerships, people } from '../../db/schema';
import { AppError } from '../../errors';
import { type Actor, canEditDirectory } from '../accounts';
import { recordAudit } from '../audit';
import { manualProvenance, organisationVisibleSql } from '../programmes';
import { selectMemberships } from './memberships.service';
import { memberships } from './memberships.table';

function requireDirectoryStaff(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditDirectory(actor)) throw new AppError('forbidden', 'Mitgliedschaften pflegen nur Mitarbeitende.');
}

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: body.${field}`, {
    fields: [{ field: `body.${field}`, reason }],
  });
}

async function readMembership(db: Db, actor: Actor, id: number): Promise<Membership> {
  const [m] = await selectMemberships(db, actor, sql`m.id = ${id}`);
  if (!m) throw new AppError('not_found', `Mitgliedschaft ${id} wurde nicht gefunden.`);
  return m;
}

/** Records a typed, dated membership; every referenced record must exist and be visible. */
export async function createMembership(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createMembershipSchema>,
): Promise<Membership> {
  requireDirectoryStaff(actor);
  const orgExists = async (id: number) =>
    (
      await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, id), organisationVisibleSql(actor, 'organisations')))
    ).length > 0;
  if (!(await orgExists(input.organisationId)))
    throw invalid('organisationId', `Organisation ${input.organisationId} gibt es nicht`);
  if (input.groupId && !(await orgExists(input.groupId)))
    throw invalid('groupId', `Organisation ${input.groupId} gibt es nicht`);
  if (input.partnershipId) {
    const [p] = await db
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.id, input.partnershipId));
    if (!p) throw invalid('partnershipId', `Partnerschaft ${input.partnershipId} gibt es nicht`);
  }
  if (input.personId) {
    const [p] = await db.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
    if (!p) throw invalid('personId', `Person ${input.personId} gibt es nicht`);
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(memberships)
      .values({
        kind: input.kind,
        organisationId: input.organisationId,
        groupId: input.groupId ?? null,
        partnershipId: input.partnershipId ?? null,
        personId: input.personId ?? null,
        note: input.note ?? null,
        from: input.from ?? null,
        until: input.until ?? null,
        provenance: manualProvenance(actor),
      })
      .returning();
    if (!row) throw new AppError('internal', 'Mitgliedschaft konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'membership', entityId: row.id, after: row });
    return row.id;
  });
  return readMembership(db, actor, id);
}

/** Ends a membership on a date (not before it began). */
export async function endMembership(db: Db, actor: Actor, id: number, until: string): Promise<Membership> {
  requireDirectoryStaff(actor);
  const [before] = await db.select().from(memberships).where(eq(memberships.id, id));
  if (!before) throw new AppError('not_found', `Mitgliedschaft ${id} wurde nicht gefunden.`);
  if (before.from && until < before.from) throw invalid('until', `liegt vor dem Beginn (${before.from})`);
  await db.transaction(async (tx) => {
    const [after] = await tx.update(memberships).set({ until }).where(eq(memberships.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entityType: 'membership', entityId: id, before, after });
  });
  return readMembership(db, actor, id);
}
