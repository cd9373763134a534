import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { indicatorUnits, partnershipEventKinds } from '../../../contracts/partnerships';
import { visibility } from '../programmes/programmes.table';
import { regions } from '../regions/regions.table';

export const datePrecision = pgEnum('date_precision', ['day', 'month', 'year']);
export const partnershipEventKind = pgEnum('partnership_event_kind', partnershipEventKinds);
export const indicatorUnit = pgEnum('indicator_unit', indicatorUnits);

/** Two partner regions and their agreement (date, term, themes). */
export const partnerships = pgTable(
  'partnerships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    name: text().notNull(),
    regionAId: integer()
      .notNull()
      .references(() => regions.id),
    regionBId: integer()
      .notNull()
      .references(() => regions.id),
    description: text(),
    agreementSignedOn: date({ mode: 'string' }),
    agreementPrecision: datePrecision(),
    agreementUntil: date({ mode: 'string' }),
    agreementProvenance: jsonb().$type<Provenance>(),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [uniqueIndex('partnerships_slug_uq').on(t.slug)],
);

/** Delegation visits, talks and meetings of a partnership. */
export const partnershipEvents = pgTable(
  'partnership_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    partnershipId: integer()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    kind: partnershipEventKind().notNull(),
    title: text().notNull(),
    date: date({ mode: 'string' }),
    datePrecision: datePrecision(),
    places: text().array().notNull().default(sql`'{}'::text[]`),
    participants: jsonb().$type<{ personId: number | null; name: string; role: string | null }[]>().notNull(),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    followUps: text().array().notNull().default(sql`'{}'::text[]`),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [index('partnership_events_partnership_idx').on(t.partnershipId, t.date)],
);

/** A reported indicator of a partnership (trade volume, subsidiaries, jobs) as a dated series. */
export const indicators = pgTable(
  'indicators',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    partnershipId: integer()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    unit: indicatorUnit().notNull(),
  },
  (t) => [uniqueIndex('indicators_key_uq').on(t.partnershipId, t.key)],
);

export const indicatorQualifier = pgEnum('indicator_qualifier', ['exact', 'approx', 'more_than']);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    /** A year (`2024`) or a date (`2024-06-30`); null when the source names none. */
    period: text(),
    value: doublePrecision().notNull(),
    qualifier: indicatorQualifier().notNull().default('exact'),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [uniqueIndex('indicator_values_period_uq').on(t.indicatorId, sql`coalesce(${t.period}, '')`)],
);
