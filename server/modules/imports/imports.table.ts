import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One committed import: which kind, which file (by content hash), how many rows. */
export const importRuns = pgTable('import_runs', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  kind: text().notNull(),
  fileName: text().notNull(),
  sha256: text().notNull(),
  rowCount: integer().notNull(),
  summary: jsonb().$type<Record<string, number>>().notNull(),
  finishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
