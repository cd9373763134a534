import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  addIndicatorValueSchema,
  createPartnershipEventSchema,
  PartnershipDetail,
} from '../../../contracts/partnerships';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, canEditDirectory } from '../accounts';
import { recordAudit } from '../audit';
import { manualProvenance } from '../programmes';
import { findVisiblePartnership, getPartnership } from './partnerships.service';
import { indicators, indicatorValues, partnershipEvents } from './partnerships.table';

function requireDirectoryStaff(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditDirectory(actor)) throw new AppError('forbidden', 'Partnerschaften pflegen nur Mitarbeitende.');
}

/** Records a delegation visit, talks or a meeting of a partnership. */
export async function addPartnershipEvent(
  db: Db,
  actor: Actor,
  partnershipId: number,
  input: z.infer<typeof createPartnershipEventSchema>,
): Promise<PartnershipDetail> {
  await findVisiblePartnership(db, actor, partnershipId);
  requireDirectoryStaff(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnershipEvents)
      .values({
        ...input,
        datePrecision: input.date ? input.datePrecision : null,
        partnershipId,
        provenance: manualProvenance(actor),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'partnership_event',
      entityId: row?.id ?? 0,
      after: row,
    });
  });
  return getPartnership(db, actor, partnershipId);
}

/** Adds a value to an indicator's series; a period that has a value already is a conflict. */
export async function addIndicatorValue(
  db: Db,
  actor: Actor,
  partnershipId: number,
  indicatorId: number,
  input: z.infer<typeof addIndicatorValueSchema>,
): Promise<PartnershipDetail> {
  await findVisiblePartnership(db, actor, partnershipId);
  requireDirectoryStaff(actor);
  const [indicator] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.partnershipId, partnershipId)));
  if (!indicator) throw new AppError('not_found', `Kennzahl ${indicatorId} gehört nicht zu dieser Partnerschaft.`);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorValues)
      .values({ indicatorId, ...input, provenance: manualProvenance(actor) })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('conflict', `Für ${input.period} gibt es schon einen Wert.`, {
        fields: [{ field: 'body.period', reason: 'Zeitraum hat schon einen Wert' }],
      });
    await recordAudit(tx, actor, { action: 'create', entityType: 'indicator_value', entityId: row.id, after: row });
  });
  return getPartnership(db, actor, partnershipId);
}
