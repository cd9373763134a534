import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuerySchema } from './common';
import {
  challengeStatusSchema,
  challengeVisibilitySchema,
  conceptKeySchema,
  conceptSchema,
  profileLanguageSchema,
  responseStatusSchema,
} from './matching';
import { organisationTypeSchema } from './portfolio';

// ── Cross-innovation challenges: an organisation's problem, and the firms that answer it ───────

const ref = z.object({ id: z.number().int(), name: z.string() });
const version = z.number().int().positive();

export const listChallengesQuerySchema = pageQuerySchema.extend({
  /** Words in the title or the problem. */
  q: z.string().trim().max(200).optional(),
  /** open: not closed by its owner and the deadline not passed (German calendar day); closed otherwise. */
  status: challengeStatusSchema.optional(),
  /** Challenges of this concept; a NACE division (`nace:26`) also finds those of its classes. */
  concept: conceptKeySchema.optional(),
  organisationId: z.coerce.number().int().positive().optional(),
});
export type ListChallengesQuery = z.infer<typeof listChallengesQuerySchema>;

export const challengeListItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  organisation: ref,
  language: profileLanguageSchema,
  /** Sector and technology, in the order given (or found in the text). */
  concepts: z.array(conceptSchema),
  deadline: isoDateSchema,
  /** Days until the deadline (0 = today); null once closed. */
  daysLeft: z.number().int().nullable(),
  status: challengeStatusSchema,
  visibility: challengeVisibilitySchema,
  responseCount: z.number().int(),
});
export type ChallengeListItem = z.infer<typeof challengeListItemSchema>;
export const challengePageSchema = pageOf(challengeListItemSchema);

export const challengeDetailSchema = challengeListItemSchema.extend({
  problem: z.string(),
  /** The owner side and staff: responses by status; null for everyone else. */
  responsesByStatus: z
    .object({
      submitted: z.number().int(),
      shortlisted: z.number().int(),
      selected: z.number().int(),
      declined: z.number().int(),
    })
    .nullable(),
  /** The owner side and staff: how many organisations are invited; null for everyone else. */
  invitationCount: z.number().int().nullable(),
  /** Whether the reader speaks for the challenge's organisation (edits, invites, decides on responses). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ChallengeDetail = z.infer<typeof challengeDetailSchema>;

const challengeFields = {
  title: z.string().trim().min(1, 'Titel fehlt').max(300),
  problem: z.string().trim().min(1, 'Problembeschreibung fehlt').max(5000, 'höchstens 5.000 Zeichen'),
  language: profileLanguageSchema,
  /** Sector and technology as concepts; absent: the concepts the title and problem speak of. */
  conceptKeys: z.array(conceptKeySchema).max(30),
  /** The last day responses are taken (German calendar day); today or later. */
  deadline: isoDateSchema,
  visibility: challengeVisibilitySchema,
};

export const createChallengeSchema = z.object({
  /** The organisation that has the problem; the author must speak for it. */
  organisationId: z.number().int().positive(),
  ...challengeFields,
  conceptKeys: challengeFields.conceptKeys.optional(),
  visibility: challengeFields.visibility.default('public'),
});
export type CreateChallenge = z.infer<typeof createChallengeSchema>;

export const updateChallengeSchema = z
  .object({ version, ...challengeFields })
  .partial()
  .required({ version: true });
export type UpdateChallenge = z.infer<typeof updateChallengeSchema>;

export const closeChallengeSchema = z.object({ version });
export type CloseChallenge = z.infer<typeof closeChallengeSchema>;

// Invitations

export const inviteOrganisationsSchema = z.object({
  organisationIds: z.array(z.number().int().positive()).min(1, 'Mindestens eine Organisation').max(200),
});
export type InviteOrganisations = z.infer<typeof inviteOrganisationsSchema>;

export const invitationSchema = z.object({
  organisation: ref.extend({ type: organisationTypeSchema }),
  invitedAt: z.string(),
  /** The invited organisation's response, once it answered. */
  response: z.object({ id: z.number().int(), status: responseStatusSchema }).nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

// Responses

export const respondToChallengeSchema = z.object({
  /** The organisation that answers; the author must speak for it. */
  organisationId: z.number().int().positive(),
  summary: z.string().trim().min(1, 'Antwort fehlt').max(5000, 'höchstens 5.000 Zeichen'),
});
export type RespondToChallenge = z.infer<typeof respondToChallengeSchema>;

export const listResponsesQuerySchema = pageQuerySchema.extend({ status: responseStatusSchema.optional() });
export type ListResponsesQuery = z.infer<typeof listResponsesQuerySchema>;

export const challengeResponseSchema = z.object({
  id: z.number().int(),
  challengeId: z.number().int(),
  organisation: ref,
  summary: z.string(),
  status: responseStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;
export const challengeResponsePageSchema = pageOf(challengeResponseSchema);

/** The owner's decisions on a response. */
export const responseDecisions = ['shortlisted', 'selected', 'declined'] as const;
export type ResponseDecision = (typeof responseDecisions)[number];

/** Where a response may go from each status: selected only from the shortlist; a declined one may be reconsidered. */
export const responseMoves: Record<z.infer<typeof responseStatusSchema>, readonly ResponseDecision[]> = {
  submitted: ['shortlisted', 'declined'],
  shortlisted: ['selected', 'declined'],
  declined: ['shortlisted'],
  selected: [],
};

export const setResponseStatusSchema = z.object({ status: z.enum(responseDecisions), version });
export type SetResponseStatus = z.infer<typeof setResponseStatusSchema>;

export const responseParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  responseId: z.coerce.number().int().positive(),
});
