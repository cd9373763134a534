import { z } from 'zod';
import { isoDateSchema } from './common';
import { organisationTypeSchema } from './portfolio';

// ── Matchmaking: the vocabulary shared by profiles, contacts, challenges and suggestions ──────

/** The five kinds of a partner profile, as in the Enterprise Europe Network. */
export const profileKinds = [
  'technology_offer',
  'technology_request',
  'business_offer',
  'business_request',
  'research_cooperation',
] as const;
export const profileKindSchema = z.enum(profileKinds);
export type ProfileKind = z.infer<typeof profileKindSchema>;

export const profileLanguages = ['de', 'it', 'en'] as const;
export const profileLanguageSchema = z.enum(profileLanguages);
export type ProfileLanguage = z.infer<typeof profileLanguageSchema>;

/** How far what is offered or sought has come. */
export const developmentStages = ['idea', 'prototype', 'pilot', 'market', 'not_applicable'] as const;
export const developmentStageSchema = z.enum(developmentStages);

/** draft → submitted (to the agency) → published | rejected; withdrawn by its author. Expiry is a date, not a status. */
export const profileStatuses = ['draft', 'submitted', 'published', 'rejected', 'withdrawn'] as const;
export const profileStatusSchema = z.enum(profileStatuses);
export type ProfileStatus = z.infer<typeof profileStatusSchema>;

/** Public: the organisation is named. Anonymous: country, type and size only; the identity is known to its agency alone. */
export const profileVisibilities = ['public', 'anonymous'] as const;
export const profileVisibilitySchema = z.enum(profileVisibilities);

/** The funnel of a contact between two parties. */
export const contactStages = ['interest', 'brokered', 'meeting', 'rated', 'declined'] as const;
export const contactStageSchema = z.enum(contactStages);
export type ContactStage = z.infer<typeof contactStageSchema>;

/** The follow-up rating, some weeks after the meeting. */
export const contactRatings = [
  'no_further_contact',
  'valuable_contact',
  'negotiation_started',
  'agreement_reached',
] as const;
export const contactRatingSchema = z.enum(contactRatings);
export type ContactRating = z.infer<typeof contactRatingSchema>;

export const challengeVisibilities = ['public', 'invite_only'] as const;
export const challengeVisibilitySchema = z.enum(challengeVisibilities);
export const challengeStatuses = ['open', 'closed'] as const;
export const challengeStatusSchema = z.enum(challengeStatuses);
export const responseStatuses = ['submitted', 'shortlisted', 'selected', 'declined'] as const;
export const responseStatusSchema = z.enum(responseStatuses);

// ── Concepts ─────────────────────────────────────────────────────────────────────────────────

/**
 * A language-independent concept: a technology field (`tech:robotics`) or a NACE code
 * (`nace:30.30`). Profiles, challenges and organisations are compared by these.
 */
export const conceptKeySchema = z
  .string()
  .trim()
  .regex(/^(tech:[a-z0-9_]+|nace:[A-U0-9.]+)$/, 'kein Begriff: tech:<feld> oder nace:<code>');
export const conceptSchema = z.object({
  key: z.string(),
  kind: z.enum(['technology', 'nace']),
  labels: z.object({ de: z.string(), en: z.string(), it: z.string() }),
});
export type Concept = z.infer<typeof conceptSchema>;

export const conceptSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const conceptListSchema = z.object({ items: z.array(conceptSchema) });

export const extractConceptsSchema = z.object({
  text: z.string().max(20_000),
});
/** A concept found in a text, with the words of the text that led to it. */
export const extractedConceptSchema = conceptSchema.extend({
  terms: z.array(z.string()),
  score: z.number(),
});
export const extractedConceptsSchema = z.object({ items: z.array(extractedConceptSchema) });

// ── Suggestions (the contract the checks rely on) ─────────────────────────────────────────────

export const reasonCodes = [
  'shared_concepts',
  'matching_terms',
  'offer_meets_request',
  'type_complement',
  'sought_criteria',
  'cross_border',
  'same_region',
  'partners_of_partners',
  'shared_fields',
  'project_topics',
] as const;
export const reasonSchema = z.object({
  code: z.enum(reasonCodes),
  /** The reason in words, in the language asked for (`lang`, default German). */
  text: z.string(),
  /** What it rests on: concept keys, terms, organisation names of the partners in between … */
  evidence: z.array(z.string()),
});
export type Reason = z.infer<typeof reasonSchema>;

export const suggestionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'Ländercode mit zwei Großbuchstaben (DE, IT …)')
    .optional(),
  regionId: z.coerce.number().int().positive().optional(),
  type: organisationTypeSchema.optional(),
  lang: z.enum(profileLanguages).default('de'),
});
export type SuggestionsQuery = z.infer<typeof suggestionsQuerySchema>;

/** A suggested party. Anonymous profiles come with `organisationId: null` and no name. */
export const suggestionSchema = z.object({
  organisationId: z.number().int().nullable(),
  name: z.string().nullable(),
  profileId: z.number().int().nullable(),
  profileTitle: z.string().nullable(),
  profileKind: profileKindSchema.nullable(),
  type: organisationTypeSchema,
  sizeClass: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  /** 0–1, higher is better. */
  score: z.number(),
  reasons: z.array(reasonSchema),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionListSchema = z.object({ items: z.array(suggestionSchema) });

export const deadlineSchema = isoDateSchema;
