import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { applications, fundingCalls } from '../calls/calls.table';
import { organisations } from '../organisations/organisations.table';
import { visibility } from '../programmes/programmes.table';
import { projectRole, projects } from '../projects/projects.table';

/** A funding decision to a consortium for a project: period, purpose, the amount awarded. */
export const grants = pgTable(
  'grants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    callId: integer().references(() => fundingCalls.id),
    applicationId: integer().references(() => applications.id),
    /** The funder's reference (Förderkennzeichen, operation number). */
    reference: text(),
    title: text().notNull(),
    purpose: text(),
    funderOrganisationId: integer().references(() => organisations.id),
    funderName: text().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    currency: text().$type<'EUR'>().notNull().default('EUR'),
    decidedOn: date({ mode: 'string' }),
    periodStart: date({ mode: 'string' }),
    periodEnd: date({ mode: 'string' }),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grants_project_idx').on(t.projectId),
    index('grants_call_idx').on(t.callId),
    index('grants_decided_idx').on(t.decidedOn),
    uniqueIndex('grants_application_uq').on(t.applicationId),
  ],
);

/** The consortium of a grant, the lead included, with each partner's share of the amount. */
export const grantPartners = pgTable(
  'grant_partners',
  {
    grantId: integer()
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: projectRole().notNull(),
    shareCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grantId, t.organisationId] }),
    index('grant_partners_organisation_idx').on(t.organisationId),
  ],
);
