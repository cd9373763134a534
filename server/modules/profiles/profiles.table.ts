import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import {
  contactRatings,
  contactStages,
  developmentStages,
  profileKinds,
  profileLanguages,
  profileStatuses,
  profileVisibilities,
} from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';
import { users } from '../accounts/accounts.table';
import { grants } from '../grants/grants.table';
import { organisations } from '../organisations/organisations.table';
import { projects } from '../projects/projects.table';

export const profileKind = pgEnum('profile_kind', profileKinds);
export const profileLanguage = pgEnum('profile_language', profileLanguages);
export const developmentStage = pgEnum('development_stage', developmentStages);
export const profileStatus = pgEnum('profile_status', profileStatuses);
export const profileVisibility = pgEnum('profile_visibility', profileVisibilities);
export const contactStage = pgEnum('contact_stage', contactStages);
export const contactRating = pgEnum('contact_rating', contactRatings);

/**
 * A partner profile: an organisation's offer or request, reviewed by its agency before it is
 * published, expiring unless renewed. `conceptKeys` are what the author confirmed (or what the
 * text gave, until the author edits them); `matchKeys` add the NACE divisions above the codes;
 * `terms` are the folded word stems of title and summary. The last two feed the matching.
 */
export const partnerProfiles = pgTable(
  'partner_profiles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    /** The agency that reviews the profile, brokers its contacts and alone knows an anonymous author. */
    agencyOrganisationId: integer().references(() => organisations.id),
    kind: profileKind().notNull(),
    language: profileLanguage().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    conceptKeys: text().array().notNull().default(sql`'{}'::text[]`),
    conceptsEdited: boolean().notNull().default(false),
    matchKeys: text().array().notNull().default(sql`'{}'::text[]`),
    terms: text().array().notNull().default(sql`'{}'::text[]`),
    soughtTypes: text().array().$type<OrganisationType[]>().notNull().default(sql`'{}'::text[]`),
    soughtSizes: text().array().notNull().default(sql`'{}'::text[]`),
    soughtCountries: text().array().notNull().default(sql`'{}'::text[]`),
    soughtRegionIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    stage: developmentStage().notNull().default('not_applicable'),
    deadline: date({ mode: 'string' }),
    expiresOn: date({ mode: 'string' }).notNull(),
    status: profileStatus().notNull().default('draft'),
    visibility: profileVisibility().notNull().default('public'),
    reviewNote: text(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [
    index('partner_profiles_status_expiry_idx').on(t.status, t.expiresOn),
    index('partner_profiles_organisation_idx').on(t.organisationId),
    index('partner_profiles_agency_idx').on(t.agencyOrganisationId, t.status),
    index('partner_profiles_match_keys_idx').using('gin', t.matchKeys),
    index('partner_profiles_terms_idx').using('gin', t.terms),
  ],
);

/**
 * A contact in the funnel: an expression of interest from one organisation in a profile (or in
 * another organisation), brokered by the agencies, a meeting, a follow-up rating, and the project
 * or grant that came of it.
 */
export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    profileId: integer().references(() => partnerProfiles.id, { onDelete: 'set null' }),
    fromOrganisationId: integer()
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: integer()
      .notNull()
      .references(() => organisations.id),
    /** The agency that brokers: the profile's, else the addressee's. */
    agencyOrganisationId: integer().references(() => organisations.id),
    cooperation: text().notNull(),
    unclear: text(),
    about: text().notNull(),
    stage: contactStage().notNull().default('interest'),
    meetingOn: date({ mode: 'string' }),
    followUpDue: date({ mode: 'string' }),
    rating: contactRating(),
    projectId: integer().references(() => projects.id, { onDelete: 'set null' }),
    grantId: integer().references(() => grants.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('partner_contacts_profile_idx').on(t.profileId),
    index('partner_contacts_from_idx').on(t.fromOrganisationId),
    index('partner_contacts_to_idx').on(t.toOrganisationId),
    index('partner_contacts_agency_stage_idx').on(t.agencyOrganisationId, t.stage),
  ],
);

/** Every step of a contact, dated, with who took it. */
export const partnerContactEvents = pgTable(
  'partner_contact_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    contactId: integer()
      .notNull()
      .references(() => partnerContacts.id, { onDelete: 'cascade' }),
    stage: contactStage().notNull(),
    rating: contactRating(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    byUserId: integer().references(() => users.id),
    note: text(),
  },
  (t) => [index('partner_contact_events_contact_idx').on(t.contactId, t.at)],
);
