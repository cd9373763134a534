import { and, eq, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { normaliseOrganisationName } from '../organisations';
import { people, personRoles } from './people.table';

export type SeedPerson = {
  name: string;
  honorific: string | null;
  provenance: Provenance;
  roles: { organisationId: number; title: string; from: string | null; until: string | null; provenance: Provenance }[];
};

/**
 * Finds or creates each person by name and replaces the roles a seed gave them (roles entered by
 * users stay). Returns the person ids in the order given.
 */
export async function upsertSeedPeople(tx: Db, drafts: SeedPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (const d of drafts) {
    const key = normaliseOrganisationName(d.name);
    const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.normalisedName, key)).limit(1);
    const id =
      existing?.id ??
      (
        await tx
          .insert(people)
          .values({ name: d.name, honorific: d.honorific, normalisedName: key, provenance: d.provenance })
          .returning({ id: people.id })
      )[0]?.id;
    if (id === undefined) throw new Error(`person ${d.name} not stored`);
    await tx
      .delete(personRoles)
      .where(and(eq(personRoles.personId, id), sql`${personRoles.provenance}->>'kind' = 'seed'`));
    if (d.roles.length > 0) await tx.insert(personRoles).values(d.roles.map((r) => ({ ...r, personId: id })));
    ids.push(id);
  }
  return ids;
}
