import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { organisations } from '../organisations/organisations.table';
import { visibility } from '../programmes/programmes.table';

/** People of the ecosystem. Contact details are internal unless made public (`contactVisibility`). */
export const people = pgTable(
  'people',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    honorific: text(),
    normalisedName: text().notNull(),
    email: text(),
    phone: text(),
    contactVisibility: visibility().notNull().default('internal'),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_name_trgm_idx').using('gin', sql`${t.normalisedName} gin_trgm_ops`),
    index('people_name_prefix_idx').on(sql`${t.normalisedName} collate "C"`),
  ],
);

/** A person's dated role at an organisation: "Ministerin für Wirtschaft …", "Geschäftsführerin". */
export const personRoles = pgTable(
  'person_roles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    from: date({ mode: 'string' }),
    until: date({ mode: 'string' }),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    index('person_roles_person_idx').on(t.personId),
    index('person_roles_organisation_idx').on(t.organisationId),
    check('person_roles_dates_ck', sql`${t.from} is null or ${t.until} is null or ${t.from} <= ${t.until}`),
  ],
);
