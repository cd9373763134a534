import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** NACE Rev. 2: sections (level 1, `C`), divisions (2, `28`), groups (3, `28.1`), classes (4, `28.11`). */
export const naceCodes = pgTable(
  'nace_codes',
  {
    code: text().primaryKey(),
    level: integer().notNull(),
    parentCode: text(),
    section: text().notNull(),
    labelDe: text().notNull(),
    labelEn: text().notNull(),
    labelIt: text().notNull(),
  },
  (t) => [index('nace_codes_parent_idx').on(t.parentCode), index('nace_codes_section_idx').on(t.section)],
);
