import { bigint, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const visibility = pgEnum('visibility', visibilities);

import { visibilities } from '../../../contracts/accounts';
import type { Provenance } from '../../../contracts/common';

export const programmes = pgTable('programmes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text(),
  owner: text(),
  periodStart: date({ mode: 'string' }),
  periodEnd: date({ mode: 'string' }),
  provenance: jsonb().$type<Provenance>(),
  visibility: visibility().notNull().default('public'),
  /** Optimistic concurrency: every update must name the version it read. */
  version: integer().notNull().default(1),
});

export const fieldsOfAction = pgTable(
  'fields_of_action',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull().default(0),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [uniqueIndex('fields_of_action_programme_name_uq').on(t.programmeId, t.name)],
);

export const figureUnit = pgEnum('figure_unit', ['count', 'eur_cents']);
export const figureQualifier = pgEnum('figure_qualifier', ['exact', 'approx', 'up_to', 'more_than']);

/** A figure as a programme published it on a date — kept next to what Standort tracks. */
export const reportedFigures = pgTable(
  'reported_figures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    metric: text().notNull(),
    label: text().notNull(),
    value: bigint({ mode: 'number' }).notNull(),
    unit: figureUnit().notNull(),
    qualifier: figureQualifier().notNull().default('exact'),
    periodStart: date({ mode: 'string' }),
    periodEnd: date({ mode: 'string' }),
    publishedOn: date({ mode: 'string' }).notNull(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [index('reported_figures_programme_idx').on(t.programmeId, t.publishedOn)],
);
