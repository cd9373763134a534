import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Provenance } from '../../../contracts/common';
import { projectStatuses } from '../../../contracts/portfolio';
import { tsvector } from '../../db/columns';
import { organisations } from '../organisations/organisations.table';
import { fieldsOfAction, programmes, visibility } from '../programmes/programmes.table';
import { regions } from '../regions/regions.table';

export const projectStatus = pgEnum('project_status', projectStatuses);
export const projectRole = pgEnum('project_role', ['lead', 'partner']);

export const projects = pgTable(
  'projects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    fieldOfActionId: integer().references(() => fieldsOfAction.id, { onDelete: 'set null' }),
    /** The key the source gives the record (file row, operation number). */
    reference: text(),
    title: text().notNull(),
    summary: text(),
    /** Current status; null when no source has published one. Mirrors the latest status change. */
    status: projectStatus(),
    isPartnerProject: boolean().notNull().default(false),
    regionId: integer().references(() => regions.id),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    /** Headline amount of the project's funding lines (committed, else planned), kept for sorting lists. */
    fundingTotalCents: bigint({ mode: 'number' }).notNull().default(0),
    /** Everything a search should find the project by: title, summary, organisations, field of action. */
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL => sql`to_tsvector('german'::regconfig, standort_unaccent(${projects.searchText}))`,
    ),
    provenance: jsonb().$type<Provenance>().notNull(),
    visibility: visibility().notNull().default('public'),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_programme_idx').on(t.programmeId, t.title),
    index('projects_programme_status_idx').on(t.programmeId, t.status),
    index('projects_field_of_action_idx').on(t.fieldOfActionId),
    index('projects_status_idx').on(t.status),
    index('projects_region_idx').on(t.regionId),
    index('projects_start_date_idx').on(t.startDate),
    index('projects_title_idx').on(t.title),
    index('projects_funding_idx').on(t.fundingTotalCents),
    index('projects_search_idx').using('gin', t.searchVector),
    index('projects_visibility_idx').on(t.visibility),
  ],
);

export const projectOrganisations = pgTable(
  'project_organisations',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: projectRole().notNull(),
    /** The partner's share where the source gives one (e.g. its EU contribution in CORDIS). */
    contributionCents: bigint({ mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId] }),
    index('project_organisations_organisation_project_idx').on(t.organisationId, t.projectId),
  ],
);

export const projectStatusChanges = pgTable(
  'project_status_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    status: projectStatus().notNull(),
    /** Null when the source does not date the change. */
    changedOn: date({ mode: 'string' }),
    comment: text(),
    provenance: jsonb().$type<Provenance>().notNull(),
  },
  (t) => [index('project_status_changes_project_idx').on(t.projectId, t.changedOn)],
);

/**
 * Who has worked with whom: per ordered pair of organisations (both directions stored), how many
 * projects they share, and how many of those everyone may see (public projects of public
 * programmes); an organisation's pair with itself counts its own projects. Kept by triggers on `project_organisations`, `projects` and `programmes` (migration
 * 0015): "is this an existing partner?" is one index probe, and the partners of partners are read
 * from public collaborations only, so what they show holds for every reader.
 */
export const organisationPartners = pgTable(
  'organisation_partners',
  {
    organisationId: integer().notNull(),
    partnerId: integer().notNull(),
    projects: integer().notNull(),
    publicProjects: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.partnerId] }),
    index('organisation_partners_public_idx')
      .on(t.organisationId, t.publicProjects.desc(), t.partnerId)
      .where(sql`${t.publicProjects} > 0`),
  ],
);
