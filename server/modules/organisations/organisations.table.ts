import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { sizeClasses } from '../../../contracts/organisations';
import { organisationTypes } from '../../../contracts/portfolio';
import { naceCodes } from '../nace/nace.table';
import { visibility } from '../programmes/programmes.table';
import { regions } from '../regions/regions.table';

export const organisationType = pgEnum('organisation_type', organisationTypes);
export const sizeClass = pgEnum('size_class', sizeClasses);

export const organisations = pgTable(
  'organisations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Lower-cased, accent- and punctuation-folded name: one organisation per normalised name. */
    normalisedName: text().notNull(),
    type: organisationType().notNull(),
    /** The type was guessed from the name; a source that states the type replaces the guess. */
    isTypeGuessed: boolean().notNull().default(false),
    regionId: integer().references(() => regions.id),
    shortName: text(),
    /** ISO 3166 alpha-2 as the source gives it (EL for Greece, UK for the United Kingdom in CORDIS). */
    country: text(),
    city: text(),
    street: text(),
    sizeClass: sizeClass(),
    descriptionDe: text(),
    descriptionEn: text(),
    descriptionIt: text(),
    competenceFields: text().array().notNull().default(sql`'{}'::text[]`),
    /**
     * Every word (3+ letters) of the folded name and of its aliases, kept by triggers: name search
     * looks words up here (`name_words && array[…]`) in one GIN index instead of two trigram scans.
     */
    nameWords: text().array().notNull().default(sql`'{}'::text[]`),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_normalised_name_uq').on(t.normalisedName),
    index('organisations_region_idx').on(t.regionId),
    index('organisations_type_idx').on(t.type),
    index('organisations_country_idx').on(t.country),
    /** Lists ordered by name stop after one page instead of sorting every match. */
    index('organisations_name_idx').on(t.name, t.id),
    index('organisations_name_trgm_idx').using('gin', sql`${t.normalisedName} gin_trgm_ops`),
    index('organisations_name_words_idx').using('gin', t.nameWords),
    /** Prefix lookups for autocomplete: `normalised_name collate "C" >= 'deut' and < 'deuu'`. */
    index('organisations_name_prefix_idx').on(sql`${t.normalisedName} collate "C"`),
  ],
);

/** NACE codes of an organisation; the primary one first. */
export const organisationNace = pgTable(
  'organisation_nace',
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text()
      .notNull()
      .references(() => naceCodes.code),
    isPrimary: boolean().notNull().default(false),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.code] }),
    index('organisation_nace_code_idx').on(t.code, t.organisationId),
  ],
);

/** Organisations merged into another: the name and id stay findable, the history stays readable. */
export const organisationMerges = pgTable(
  'organisation_merges',
  {
    mergedId: integer().primaryKey(),
    mergedName: text().notNull(),
    intoId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The merged record as it was, for the history. */
    snapshot: jsonb().notNull(),
    mergedBy: integer(),
    mergedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_merges_into_idx').on(t.intoId)],
);

export const identifierSchemes = ['pic', 'ags', 'istat', 'register', 'website'] as const;
export const identifierScheme = pgEnum('identifier_scheme', identifierSchemes);

/** External identifiers (CORDIS PIC, municipality key, register number, website): one owner each. */
export const organisationIdentifiers = pgTable(
  'organisation_identifiers',
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    scheme: identifierScheme().notNull(),
    value: text().notNull(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheme, t.value] }),
    index('organisation_identifiers_organisation_idx').on(t.organisationId),
  ],
);

/** Other names an organisation is known by (spellings in sources, short names). */
export const organisationAliases = pgTable(
  'organisation_aliases',
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    normalisedName: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.normalisedName] }),
    index('organisation_aliases_trgm_idx').using('gin', sql`${t.normalisedName} gin_trgm_ops`),
    index('organisation_aliases_name_prefix_idx').on(sql`${t.normalisedName} collate "C"`),
  ],
);

/**
 * Every word of every folded name and alias, kept by triggers: the vocabulary a misspelt query
 * word is corrected against ("raumfart" → "raumfahrt") before the names are searched.
 */
export const organisationNameWords = pgTable('organisation_name_words', { word: text().primaryKey() }, (t) => [
  index('organisation_name_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);
