import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { challengeStatuses, challengeVisibilities, responseStatuses } from '../../../contracts/matching';
import { users } from '../accounts/accounts.table';
import { organisations } from '../organisations/organisations.table';
import { profileLanguage } from '../profiles/profiles.table';

export const challengeVisibility = pgEnum('challenge_visibility', challengeVisibilities);
export const challengeStatus = pgEnum('challenge_status', challengeStatuses);
export const responseStatus = pgEnum('challenge_response_status', responseStatuses);

/** A cross-innovation challenge: an organisation's problem, open to all or to invited firms. */
export const challenges = pgTable(
  'challenges',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    title: text().notNull(),
    problem: text().notNull(),
    language: profileLanguage().notNull(),
    /** The sector and technology, as concepts (see contracts/matching). */
    conceptKeys: text().array().notNull().default(sql`'{}'::text[]`),
    matchKeys: text().array().notNull().default(sql`'{}'::text[]`),
    terms: text().array().notNull().default(sql`'{}'::text[]`),
    deadline: date({ mode: 'string' }).notNull(),
    visibility: challengeVisibility().notNull().default('public'),
    status: challengeStatus().notNull().default('open'),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('challenges_status_deadline_idx').on(t.status, t.deadline),
    index('challenges_organisation_idx').on(t.organisationId),
    index('challenges_match_keys_idx').using('gin', t.matchKeys),
  ],
);

export const challengeInvitations = pgTable(
  'challenge_invitations',
  {
    challengeId: integer()
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    invitedBy: integer().references(() => users.id),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.organisationId] }),
    index('challenge_invitations_organisation_idx').on(t.organisationId),
  ],
);

export const challengeResponses = pgTable(
  'challenge_responses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    challengeId: integer()
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    summary: text().notNull(),
    status: responseStatus().notNull().default('submitted'),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('challenge_responses_once_idx').on(t.challengeId, t.organisationId),
    index('challenge_responses_organisation_idx').on(t.organisationId),
  ],
);
