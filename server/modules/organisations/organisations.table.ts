import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { organisationTypes } from '../../../contracts/portfolio';
import { regions } from '../regions/regions.table';

export const organisationType = pgEnum('organisation_type', organisationTypes);

export const organisations = pgTable(
  'organisations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Lower-cased, accent- and punctuation-folded name: one organisation per normalised name. */
    normalisedName: text().notNull(),
    type: organisationType().notNull(),
    regionId: integer().references(() => regions.id),
    provenance: jsonb().$type<Provenance>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_normalised_name_uq').on(t.normalisedName),
    index('organisations_region_idx').on(t.regionId),
  ],
);
