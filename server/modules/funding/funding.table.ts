import { bigint, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { fundingKinds, fundingSources } from '../../../contracts/portfolio';
import { projects } from '../projects/projects.table';

export const fundingSource = pgEnum('funding_source', fundingSources);
export const fundingKind = pgEnum('funding_kind', fundingKinds);

/** One amount of money from one source, of one kind, in one year — attached to a project. */
export const fundingLines = pgTable(
  'funding_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    source: fundingSource().notNull(),
    kind: fundingKind().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    currency: text().$type<'EUR'>().notNull().default('EUR'),
    year: integer(),
    note: text(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [index('funding_lines_project_idx').on(t.projectId)],
);
