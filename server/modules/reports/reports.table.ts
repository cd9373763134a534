import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table';
import { programmes } from '../programmes/programmes.table';

/**
 * A frozen progress report: what was told about a programme as of a date, stored as it was shown
 * and never changed (a trigger refuses updates and deletes). Versions count up per programme.
 */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id),
    version: integer().notNull(),
    asOf: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    note: text(),
    data: jsonb().notNull(),
    sha256: text().notNull(),
    frozenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    frozenBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('report_snapshots_programme_version_uq').on(t.programmeId, t.version)],
);
