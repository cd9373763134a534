import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships } from './memberships.table';

export type MembershipDraft = typeof memberships.$inferInsert;

/** Replaces the memberships a seed document stated (those entered by users stay). */
export async function replaceSeedMemberships(tx: Db, documents: string[], drafts: MembershipDraft[]): Promise<void> {
  if (documents.length > 0) {
    await tx.delete(memberships).where(
      sql`${memberships.provenance}->>'kind' = 'seed' and ${memberships.provenance}->>'document' in (${sql.join(
        documents.map((d) => sql`${d}`),
        sql`, `,
      )})`,
    );
  }
  if (drafts.length > 0) await tx.insert(memberships).values(drafts);
}
