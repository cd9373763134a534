import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { membershipKinds } from '../../../contracts/organisations';
import { organisations } from '../organisations/organisations.table';
import { partnerships } from '../partnerships/partnerships.table';
import { people } from '../people/people.table';

export const membershipKind = pgEnum('membership_kind', membershipKinds);

/**
 * Typed, dated ties: an organisation is a member of a group (cluster, alliance, network,
 * consortium), signs for it (with the person who signed), or takes part in a regional partnership.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: membershipKind().notNull(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    groupId: integer().references(() => organisations.id, { onDelete: 'cascade' }),
    partnershipId: integer().references(() => partnerships.id, { onDelete: 'cascade' }),
    personId: integer().references(() => people.id, { onDelete: 'set null' }),
    note: text(),
    from: date({ mode: 'string' }),
    until: date({ mode: 'string' }),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    index('memberships_organisation_idx').on(t.organisationId),
    index('memberships_group_idx').on(t.groupId),
    index('memberships_partnership_idx').on(t.partnershipId),
    index('memberships_person_idx').on(t.personId),
    check('memberships_target_ck', sql`(${t.groupId} is null) <> (${t.partnershipId} is null)`),
    check('memberships_dates_ck', sql`${t.from} is null or ${t.until} is null or ${t.from} <= ${t.until}`),
  ],
);
