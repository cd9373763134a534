import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuerySchema } from './common';
import {
  type ContactStage,
  conceptKeySchema,
  conceptSchema,
  contactRatingSchema,
  contactStageSchema,
  developmentStageSchema,
  profileKindSchema,
  profileLanguageSchema,
  profileStatusSchema,
  profileVisibilitySchema,
} from './matching';
import { sizeClassSchema } from './organisations';
import { organisationTypeSchema, regionRefSchema } from './portfolio';

// ── Partner profiles and the contact funnel (step 5) ─────────────────────────────────────────

const id = z.number().int().positive();
const ref = z.object({ id: z.number().int(), name: z.string() });
const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Ländercode aus zwei Buchstaben, z. B. DE');
const requiredText = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

/**
 * What a reader learns of the organisation behind a profile or a side of a contact. `organisation`
 * (id, name, region) is null when the identity is hidden — an anonymous profile shown to anyone but
 * the organisation itself, its agency and admins; country, type and size class are always given.
 */
export const partySchema = z.object({
  organisation: ref.extend({ region: regionRefSchema.nullable() }).nullable(),
  organisationType: organisationTypeSchema,
  sizeClass: sizeClassSchema.nullable(),
  country: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

// Profiles

export const listProfilesQuerySchema = pageQuerySchema.extend({
  /** Words in any of the three languages: matched by word stems and by the concepts they name. */
  q: z.string().trim().max(200).optional(),
  kind: profileKindSchema.optional(),
  /** The organisation's country (ISO 3166 alpha-2). */
  country: countrySchema.optional(),
  status: profileStatusSchema.optional(),
  /** Profiles of this organisation (only those whose author the reader may know). */
  organisationId: z.coerce.number().int().positive().optional(),
  /** Profiles reviewed by this agency (only those whose author the reader may know). */
  agencyId: z.coerce.number().int().positive().optional(),
  /** Profiles matched by this concept (`tech:robotics`, `nace:28` covers its classes). */
  concept: conceptKeySchema.optional(),
});
export type ListProfilesQuery = z.infer<typeof listProfilesQuerySchema>;

export const profileListItemSchema = partySchema.extend({
  id: z.number().int(),
  kind: profileKindSchema,
  language: profileLanguageSchema,
  title: z.string(),
  summary: z.string(),
  concepts: z.array(conceptSchema),
  /** The agency that reviews the profile and brokers its contacts; hidden with the identity. */
  agency: ref.nullable(),
  stage: developmentStageSchema,
  deadline: isoDateSchema.nullable(),
  expiresOn: isoDateSchema,
  isExpired: z.boolean(),
  status: profileStatusSchema,
  visibility: profileVisibilitySchema,
  publishedAt: z.string().nullable(),
  /** With `q`: how well the profile matches (shared word stems + twice the shared concepts); else null. */
  relevance: z.number().nullable(),
});
export type ProfileListItem = z.infer<typeof profileListItemSchema>;
export const profilePageSchema = pageOf(profileListItemSchema);

export const profileActions = ['edit', 'submit', 'review', 'withdraw', 'renew'] as const;
export const profileActionSchema = z.enum(profileActions);
export type ProfileAction = z.infer<typeof profileActionSchema>;

export const profileDetailSchema = profileListItemSchema.extend({
  /** True once the author chose the concepts; until then they follow the text. */
  conceptsEdited: z.boolean(),
  soughtTypes: z.array(organisationTypeSchema),
  soughtSizes: z.array(sizeClassSchema),
  soughtCountries: z.array(z.string()),
  soughtRegions: z.array(regionRefSchema),
  /** From this day on the author may renew the profile (30 days before it expires). */
  renewableFrom: isoDateSchema,
  /** The agency's note; for the organisation and its agency only. */
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What this reader may do with the profile now. */
  allowedActions: z.array(profileActionSchema),
  version: z.number().int(),
});
export type ProfileDetail = z.infer<typeof profileDetailSchema>;

const profileFields = {
  kind: profileKindSchema,
  language: profileLanguageSchema,
  title: requiredText(200, 'Titel fehlt'),
  summary: requiredText(5000, 'Beschreibung fehlt'),
  /** Concepts chosen by the author; without them, those the title and summary name. */
  conceptKeys: z.array(conceptKeySchema).max(30),
  soughtTypes: z.array(organisationTypeSchema).max(10),
  soughtSizes: z.array(sizeClassSchema).max(4),
  soughtCountries: z.array(countrySchema).max(50),
  soughtRegionIds: z.array(id).max(100),
  stage: developmentStageSchema,
  /** Until when partners are sought; not in the past. */
  deadline: isoDateSchema.nullable(),
  /** Default a year from today; at most two years ahead. */
  expiresOn: isoDateSchema,
  visibility: profileVisibilitySchema,
  /** A development agency or cluster organisation; default the most local development agency of the organisation's region. */
  agencyOrganisationId: id,
};

export const createProfileSchema = z.object({
  organisationId: id,
  ...profileFields,
  conceptKeys: profileFields.conceptKeys.optional(),
  soughtTypes: profileFields.soughtTypes.default([]),
  soughtSizes: profileFields.soughtSizes.default([]),
  soughtCountries: profileFields.soughtCountries.default([]),
  soughtRegionIds: profileFields.soughtRegionIds.default([]),
  stage: profileFields.stage.default('not_applicable'),
  deadline: profileFields.deadline.default(null),
  expiresOn: profileFields.expiresOn.optional(),
  visibility: profileFields.visibility.default('public'),
  agencyOrganisationId: profileFields.agencyOrganisationId.optional(),
});
export type CreateProfile = z.infer<typeof createProfileSchema>;

/**
 * Changes with the version read. `conceptKeys: null` hands the concepts back to the text,
 * `agencyOrganisationId: null` back to the default agency.
 */
export const updateProfileSchema = z
  .object({
    version: id,
    ...profileFields,
    conceptKeys: profileFields.conceptKeys.nullable(),
    agencyOrganisationId: profileFields.agencyOrganisationId.nullable(),
  })
  .partial()
  .required({ version: true });
export type UpdateProfile = z.infer<typeof updateProfileSchema>;

/** Submit, withdraw, renew: the version read is optional; a stale one gets 409. */
export const profileStepSchema = z.object({ version: id.optional() }).nullish();
export type ProfileStep = z.infer<typeof profileStepSchema>;

export const reviewProfileSchema = z
  .object({
    decision: z.enum(['publish', 'reject']),
    note: optionalText(4000).optional(),
    version: id.optional(),
  })
  .refine((r) => r.decision !== 'reject' || !!r.note, {
    path: ['note'],
    message: 'Eine Ablehnung braucht eine Begründung',
  });
export type ReviewProfile = z.infer<typeof reviewProfileSchema>;

// Contacts

/** interest → brokered → meeting → rated; declined from any open stage; a rated contact takes later follow-ups (rating, project, grant). */
export const contactTransitions: Record<ContactStage, ContactStage[]> = {
  interest: ['brokered', 'declined'],
  brokered: ['meeting', 'declined'],
  meeting: ['rated', 'declined'],
  rated: ['rated'],
  declined: [],
};

/** An expression of interest: in a profile or in an organisation, with the three questions answered. */
export const createContactSchema = z
  .object({
    fromOrganisationId: id,
    profileId: id.optional(),
    toOrganisationId: id.optional(),
    /** What cooperation the sender has in mind. */
    cooperation: requiredText(4000, 'Welche Zusammenarbeit? fehlt'),
    /** What is still unclear. */
    unclear: optionalText(4000).default(null),
    /** Who the sender is. */
    about: requiredText(4000, 'Wer sind Sie? fehlt'),
  })
  .refine((c) => (c.profileId === undefined) !== (c.toOrganisationId === undefined), {
    path: ['profileId'],
    message: 'Entweder ein Profil oder eine Organisation angeben',
  });
export type CreateContact = z.infer<typeof createContactSchema>;

/**
 * A step in the funnel. `meetingOn` goes with `meeting`, `note` is required for `declined`;
 * `rating`, `projectId` and `grantId` go with `rated` — the first rating after the follow-up date,
 * and later on a rated contact to change the rating or link the project or grant that came of it.
 */
export const transitionContactSchema = z
  .object({
    to: contactStageSchema.exclude(['interest']),
    version: id,
    note: optionalText(4000).optional(),
    meetingOn: isoDateSchema.optional(),
    rating: contactRatingSchema.optional(),
    projectId: id.nullable().optional(),
    grantId: id.nullable().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.to === 'meeting' && !t.meetingOn)
      ctx.addIssue({ code: 'custom', path: ['meetingOn'], message: 'Datum des Treffens fehlt' });
    if (t.to !== 'meeting' && t.meetingOn)
      ctx.addIssue({ code: 'custom', path: ['meetingOn'], message: 'Nur ein Treffen hat ein Datum' });
    if (t.to === 'declined' && !t.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Eine Absage braucht eine Begründung' });
    for (const field of ['rating', 'projectId', 'grantId'] as const) {
      if (t.to !== 'rated' && t[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'Nur mit der Bewertung (rated)' });
    }
  });
export type TransitionContact = z.infer<typeof transitionContactSchema>;

export const listContactsQuerySchema = pageQuerySchema.extend({
  stage: contactStageSchema.optional(),
  profileId: z.coerce.number().int().positive().optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const contactRoles = ['sender', 'addressee', 'agency'] as const;

export const contactSchema = z.object({
  id: z.number().int(),
  stage: contactStageSchema,
  profile: z.object({ id: z.number().int(), title: z.string(), kind: profileKindSchema }).nullable(),
  from: partySchema,
  /** The addressee: hidden from the sender until the agency brokers a contact to an anonymous profile. */
  to: partySchema,
  /** The brokering agency; hidden with the addressee. */
  agency: ref.nullable(),
  cooperation: z.string(),
  unclear: z.string().nullable(),
  about: z.string(),
  meetingOn: isoDateSchema.nullable(),
  /** Six weeks after the meeting: from this day the contact can be rated. */
  followUpDue: isoDateSchema.nullable(),
  rating: contactRatingSchema.nullable(),
  project: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  grant: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  createdAt: z.string(),
  /** How the reader takes part. */
  roles: z.array(z.enum(contactRoles)),
  /** The stages this reader may move the contact to now. */
  allowedTransitions: z.array(contactStageSchema),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactPageSchema = pageOf(contactSchema);

export const contactDetailSchema = contactSchema.extend({
  events: z.array(
    z.object({
      id: z.number().int(),
      stage: contactStageSchema,
      rating: contactRatingSchema.nullable(),
      at: z.string(),
      /** Who took the step; hidden with the addressee. */
      by: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

// Dashboard

export const matchingDashboardQuerySchema = z.object({
  /** One agency; without it every agency the reader works for (all for admins). */
  agencyId: z.coerce.number().int().positive().optional(),
});
export type MatchingDashboardQuery = z.infer<typeof matchingDashboardQuerySchema>;

const count = z.number().int().nonnegative();
export const matchingDashboardSchema = z.object({
  agencyId: z.number().int().nullable(),
  profiles: z.object({
    byStatus: z.record(profileStatusSchema, count),
    /** Published but past their expiry date. */
    expired: count,
    total: count,
  }),
  contacts: z.object({
    byStage: z.record(contactStageSchema, count),
    total: count,
    ratings: z.record(contactRatingSchema, count),
    agreements: count,
    /** At the meeting stage with the follow-up date reached. */
    followUpsDue: count,
    /** Linked to a project or a grant. */
    linked: count,
  }),
  /** The last 12 months (Berlin time), oldest first: interests expressed and agreements reached. */
  months: z.array(z.object({ month: z.string(), interests: count, agreements: count })),
});
export type MatchingDashboard = z.infer<typeof matchingDashboardSchema>;
