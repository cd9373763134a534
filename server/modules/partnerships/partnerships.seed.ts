import { and, eq, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { indicators, indicatorValues, partnershipEvents, partnerships } from './partnerships.table';

export type SeedPartnership = Omit<typeof partnerships.$inferInsert, 'id' | 'version'> & {
  events: Omit<typeof partnershipEvents.$inferInsert, 'id' | 'partnershipId'>[];
  indicators: {
    key: string;
    label: string;
    unit: (typeof indicators.$inferInsert)['unit'];
    values: {
      period: string | null;
      value: number;
      qualifier: 'exact' | 'approx' | 'more_than';
      provenance: Provenance;
    }[];
  }[];
};

const seeded = (column: typeof partnershipEvents.provenance | typeof indicatorValues.provenance) =>
  sql`${column}->>'kind' = 'seed'`;

/**
 * Creates or updates a partnership by slug; replaces the events and indicator values a seed gave
 * it (entries made by users stay). Returns the partnership's id.
 */
export async function upsertSeedPartnership(tx: Db, draft: SeedPartnership): Promise<number> {
  const { events, indicators: series, ...row } = draft;
  const [stored] = await tx
    .insert(partnerships)
    .values(row)
    .onConflictDoUpdate({
      target: partnerships.slug,
      set: {
        name: row.name,
        regionAId: row.regionAId,
        regionBId: row.regionBId,
        description: row.description,
        agreementSignedOn: row.agreementSignedOn,
        agreementPrecision: row.agreementPrecision,
        agreementUntil: row.agreementUntil,
        agreementProvenance: row.agreementProvenance,
        themes: row.themes,
      },
    })
    .returning({ id: partnerships.id });
  const id = stored?.id as number;
  await tx
    .delete(partnershipEvents)
    .where(and(eq(partnershipEvents.partnershipId, id), seeded(partnershipEvents.provenance)));
  if (events.length > 0) await tx.insert(partnershipEvents).values(events.map((e) => ({ ...e, partnershipId: id })));
  for (const s of series) {
    const [indicator] = await tx
      .insert(indicators)
      .values({ partnershipId: id, key: s.key, label: s.label, unit: s.unit })
      .onConflictDoUpdate({ target: [indicators.partnershipId, indicators.key], set: { label: s.label, unit: s.unit } })
      .returning({ id: indicators.id });
    const indicatorId = indicator?.id as number;
    await tx
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, indicatorId), seeded(indicatorValues.provenance)));
    if (s.values.length > 0) {
      await tx
        .insert(indicatorValues)
        .values(s.values.map((v) => ({ ...v, indicatorId })))
        .onConflictDoNothing();
    }
  }
  return id;
}
