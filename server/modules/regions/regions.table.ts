import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';

export const regionLevel = pgEnum('region_level', [
  'state',
  'admin_district',
  'district',
  'municipality',
  'region',
  'province',
]);

/** Administrative units: NRW state → Regierungsbezirk → Kreis → Gemeinde; Piemonte → provincia → comune. */
export const regions = pgTable(
  'regions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    country: text().notNull(),
    level: regionLevel().notNull(),
    /** Official key: AGS/ARS prefix in Germany, ISTAT code in Italy. */
    code: text().notNull(),
    nuts3: text(),
    name: text().notNull(),
    parentId: integer().references((): AnyPgColumn => regions.id),
    /** Materialised path of ids, e.g. "/1/4/17/" — descendants share the prefix. */
    path: text().notNull(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    uniqueIndex('regions_country_level_code_uq').on(t.country, t.level, t.code),
    index('regions_parent_idx').on(t.parentId),
    index('regions_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
