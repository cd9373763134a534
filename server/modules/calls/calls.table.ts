import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { applicationStates, type CallDocument } from '../../../contracts/funding';
import type { OrganisationType } from '../../../contracts/portfolio';
import { users } from '../accounts/accounts.table';
import { organisations } from '../organisations/organisations.table';
import { programmes, visibility } from '../programmes/programmes.table';
import { projectRole, projects } from '../projects/projects.table';

export const applicationState = pgEnum('application_state', applicationStates);

/** A funding call of a programme: funder, budget, dates, who may apply, documents. */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    description: text(),
    /** The funding body as an organisation of the directory, where it is one. */
    funderOrganisationId: integer().references(() => organisations.id),
    funderName: text().notNull(),
    budgetCents: bigint({ mode: 'number' }),
    currency: text().$type<'EUR'>().notNull().default('EUR'),
    opensOn: date({ mode: 'string' }),
    closesOn: date({ mode: 'string' }),
    /** Eligibility: organisation types, regions (with everything inside them), NACE codes; empty = any. */
    eligibleTypes: text().array().$type<OrganisationType[]>().notNull().default(sql`'{}'::text[]`),
    eligibleRegionIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    eligibleNace: text().array().notNull().default(sql`'{}'::text[]`),
    eligibilityNote: text(),
    documents: jsonb().$type<CallDocument[]>().notNull().default([]),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_calls_programme_idx').on(t.programmeId),
    index('funding_calls_dates_idx').on(t.closesOn, t.opensOn),
  ],
);

/** An application to a call by a lead organisation with partners. */
export const applications = pgTable(
  'applications',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    callId: integer()
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    summary: text(),
    leadOrganisationId: integer()
      .notNull()
      .references(() => organisations.id),
    requestedCents: bigint({ mode: 'number' }).notNull(),
    periodStart: date({ mode: 'string' }),
    periodEnd: date({ mode: 'string' }),
    state: applicationState().notNull().default('submitted'),
    /** The project an approval created. */
    projectId: integer().references(() => projects.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedBy: integer().references(() => users.id),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    index('applications_call_state_idx').on(t.callId, t.state),
    index('applications_lead_idx').on(t.leadOrganisationId),
  ],
);

/** The consortium of an application, the lead included, with the amount each asks for. */
export const applicationPartners = pgTable(
  'application_partners',
  {
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: projectRole().notNull(),
    requestedCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.organisationId] }),
    index('application_partners_organisation_idx').on(t.organisationId),
  ],
);

/** Every change of an application's state, dated, with who made it and why. */
export const applicationTransitions = pgTable(
  'application_transitions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromState: applicationState(),
    toState: applicationState().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    byUserId: integer().references(() => users.id),
    comment: text(),
  },
  (t) => [index('application_transitions_application_idx').on(t.applicationId, t.at)],
);
