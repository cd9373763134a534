import { bigint, index, integer, jsonb, pgEnum, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { fundingKinds, fundingSources } from '../../../contracts/portfolio';
import { grants } from '../grants/grants.table';
import { organisations } from '../organisations/organisations.table';
import { visibility } from '../programmes/programmes.table';
import { projects } from '../projects/projects.table';

export const fundingSource = pgEnum('funding_source', fundingSources);
export const fundingKind = pgEnum('funding_kind', fundingKinds);

/**
 * One amount of money from one source, of one kind, in one year — attached to a project, and to a
 * grant and the partner receiving it where known. Programme, field of action and the project's
 * visibility are copied from the project by triggers, so `funding_totals` can be kept per line.
 */
export const fundingLines = pgTable(
  'funding_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    grantId: integer().references(() => grants.id, { onDelete: 'cascade' }),
    organisationId: integer().references(() => organisations.id),
    source: fundingSource().notNull(),
    kind: fundingKind().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    currency: text().$type<'EUR'>().notNull().default('EUR'),
    year: integer(),
    note: text(),
    /** Why more was disbursed than committed; without it such a line is refused. */
    overrunReason: text(),
    programmeId: integer(),
    fieldOfActionId: integer(),
    projectVisibility: visibility(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    index('funding_lines_project_idx').on(t.projectId),
    index('funding_lines_grant_idx').on(t.grantId),
    index('funding_lines_organisation_idx').on(t.organisationId),
    index('funding_lines_programme_idx').on(t.programmeId, t.source, t.kind, t.year),
  ],
);

/**
 * The sums of funding lines per programme, field of action, project visibility, source, kind and
 * year, kept by triggers on `funding_lines`: a programme summary reads a few hundred rows instead
 * of every line.
 */
export const fundingTotals = pgTable(
  'funding_totals',
  {
    programmeId: integer().notNull(),
    fieldOfActionId: integer(),
    projectVisibility: visibility().notNull(),
    source: fundingSource().notNull(),
    kind: fundingKind().notNull(),
    year: integer(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    lines: integer().notNull(),
  },
  (t) => [
    unique('funding_totals_key_uq')
      .on(t.programmeId, t.fieldOfActionId, t.projectVisibility, t.source, t.kind, t.year)
      .nullsNotDistinct(),
  ],
);
