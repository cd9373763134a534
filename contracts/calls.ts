import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, pageOf, pageQuerySchema, provenanceSchema } from './common';
import { applicationStateSchema, callDocumentSchema, fundingLineInputSchema } from './funding';
import { naceCodeSchema, naceLabelsSchema } from './nace';
import { organisationTypeSchema, regionRefSchema } from './portfolio';

// ── Calls and applications ───────────────────────────────────────────────────────────────────

/** Where a call stands today: not yet open, open for applications, closed. Derived from its dates. */
export const callStatuses = ['upcoming', 'open', 'closed'] as const;
export const callStatusSchema = z.enum(callStatuses);
export type CallStatus = z.infer<typeof callStatusSchema>;

const cents = z.number().int('Betrag in Cent (ganze Zahl)');
const nullableText = (max: number) => z.string().trim().max(max).nullable();
const ref = z.object({ id: z.number().int(), name: z.string() });

export const listCallsQuerySchema = pageQuerySchema.extend({
  status: callStatusSchema.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  /** Calls an organisation of this type may apply to. */
  type: organisationTypeSchema.optional(),
  /** Calls open to a region overlapping this one (the region, a region inside it or around it). */
  regionId: z.coerce.number().int().positive().optional(),
  /** Calls open to this NACE code, a code above it or below it. */
  nace: naceCodeSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;

export const callListItemSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  programme: ref,
  funderName: z.string(),
  budgetCents: z.number().int().nullable(),
  currency: z.literal('EUR'),
  opensOn: isoDateSchema.nullable(),
  closesOn: isoDateSchema.nullable(),
  status: callStatusSchema,
  /** Days until the call closes (0 = closes today); null unless open with a closing date. */
  daysLeft: z.number().int().nullable(),
  /** Days until the call opens; null unless upcoming. */
  opensInDays: z.number().int().nullable(),
  eligibleTypes: z.array(organisationTypeSchema),
  visibility: visibilitySchema,
});
export type CallListItem = z.infer<typeof callListItemSchema>;
export const callPageSchema = pageOf(callListItemSchema);

export const callEligibilitySchema = z.object({
  /** Empty = any type, any region, any sector. */
  types: z.array(organisationTypeSchema),
  regions: z.array(regionRefSchema),
  nace: z.array(z.object({ code: z.string(), labels: naceLabelsSchema })),
  note: z.string().nullable(),
  /** The rules in one German sentence. */
  summary: z.string(),
});

export const callDetailSchema = callListItemSchema.extend({
  description: z.string().nullable(),
  funderOrganisation: ref.nullable(),
  eligibility: callEligibilitySchema,
  documents: z.array(callDocumentSchema),
  /** Staff only: applications by state and the money asked for, against the budget. */
  applications: z
    .object({
      byState: z.array(z.object({ state: applicationStateSchema, count: z.number().int() })),
      total: z.number().int(),
      requestedCents: z.number().int(),
      approvedCents: z.number().int(),
    })
    .nullable(),
  /** Whether the reader may edit the call and review its applications. */
  canEdit: z.boolean(),
  version: z.number().int(),
  provenance: provenanceSchema,
});
export type CallDetail = z.infer<typeof callDetailSchema>;

const callFields = {
  title: z.string().trim().min(1, 'Titel fehlt').max(500),
  description: nullableText(10_000),
  funderOrganisationId: z.number().int().positive().nullable(),
  funderName: z.string().trim().min(1, 'Fördergeber fehlt').max(300),
  budgetCents: cents.positive('Budget muss größer als 0 sein').nullable(),
  opensOn: isoDateSchema.nullable(),
  closesOn: isoDateSchema.nullable(),
  eligibleTypes: z.array(organisationTypeSchema).max(20),
  eligibleRegionIds: z.array(z.number().int().positive()).max(200),
  eligibleNace: z.array(naceCodeSchema).max(200),
  eligibilityNote: nullableText(4000),
  documents: z.array(callDocumentSchema).max(50),
  visibility: visibilitySchema,
};

const closesAfterOpening = {
  check: (c: { opensOn?: string | null; closesOn?: string | null }) =>
    !c.opensOn || !c.closesOn || c.closesOn >= c.opensOn,
  params: { path: ['closesOn'], message: 'Schluss liegt vor der Öffnung' },
};

export const createCallSchema = z
  .object({
    programmeId: z.number().int().positive(),
    slug: z.string().regex(/^[a-z0-9-]{2,80}$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche (2–80 Zeichen)'),
    ...callFields,
    description: callFields.description.default(null),
    funderOrganisationId: callFields.funderOrganisationId.default(null),
    budgetCents: callFields.budgetCents.default(null),
    opensOn: callFields.opensOn.default(null),
    closesOn: callFields.closesOn.default(null),
    eligibleTypes: callFields.eligibleTypes.default([]),
    eligibleRegionIds: callFields.eligibleRegionIds.default([]),
    eligibleNace: callFields.eligibleNace.default([]),
    eligibilityNote: callFields.eligibilityNote.default(null),
    documents: callFields.documents.default([]),
    visibility: callFields.visibility.default('public'),
  })
  .refine(closesAfterOpening.check, closesAfterOpening.params);
export type CreateCall = z.infer<typeof createCallSchema>;

export const updateCallSchema = z
  .object({ version: z.number().int().positive(), ...callFields })
  .partial()
  .required({ version: true })
  .refine(closesAfterOpening.check, closesAfterOpening.params);
export type UpdateCall = z.infer<typeof updateCallSchema>;

// Applications

export const applicationPartnerInputSchema = z.object({
  organisationId: z.number().int().positive(),
  requestedCents: cents.nonnegative('Betrag darf nicht negativ sein'),
});

/** An application: the consortium (the lead included) with what each partner asks for. */
export const submitApplicationSchema = z
  .object({
    title: z.string().trim().min(1, 'Titel fehlt').max(500),
    summary: nullableText(10_000).default(null),
    leadOrganisationId: z.number().int().positive(),
    requestedCents: cents.positive('Beantragter Betrag muss größer als 0 sein'),
    periodStart: isoDateSchema.nullable().default(null),
    periodEnd: isoDateSchema.nullable().default(null),
    partners: z.array(applicationPartnerInputSchema).min(1, 'Mindestens der Lead').max(100),
  })
  .refine((a) => !a.periodStart || !a.periodEnd || a.periodEnd >= a.periodStart, {
    path: ['periodEnd'],
    message: 'Ende liegt vor dem Beginn',
  });
export type SubmitApplication = z.infer<typeof submitApplicationSchema>;

export const listApplicationsQuerySchema = pageQuerySchema.extend({ state: applicationStateSchema.optional() });
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuerySchema>;

export const applicationListItemSchema = z.object({
  id: z.number().int(),
  call: z.object({ id: z.number().int(), title: z.string() }),
  title: z.string(),
  lead: ref,
  partnerCount: z.number().int(),
  requestedCents: z.number().int(),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  state: applicationStateSchema,
  submittedAt: z.string(),
  projectId: z.number().int().nullable(),
});
export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;
export const applicationPageSchema = pageOf(applicationListItemSchema);

export const applicationDetailSchema = applicationListItemSchema.extend({
  programme: ref,
  summary: z.string().nullable(),
  submittedBy: z.string().nullable(),
  partners: z.array(
    z.object({
      organisationId: z.number().int(),
      name: z.string(),
      type: organisationTypeSchema,
      role: z.enum(['lead', 'partner']),
      requestedCents: z.number().int(),
    }),
  ),
  transitions: z.array(
    z.object({
      id: z.number().int(),
      from: applicationStateSchema.nullable(),
      to: applicationStateSchema,
      at: z.string(),
      by: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  /** The states this reader may move the application to now. */
  allowedTransitions: z.array(applicationStateSchema),
  /** The grant an approval created. */
  grantId: z.number().int().nullable(),
  version: z.number().int(),
  provenance: provenanceSchema,
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/**
 * What an approval awards: the amount (default: the amount requested), each partner's share
 * (default: what the partner asked for; needed when the amount differs) and the funding lines —
 * e.g. committed EU ERDF, state and own money per partner and year. Without lines the shares are
 * recorded as committed money of unpublished split (`mixed`).
 */
export const awardSchema = z.object({
  amountCents: cents.positive('Bewilligter Betrag muss größer als 0 sein').optional(),
  decidedOn: isoDateSchema.optional(),
  reference: z.string().trim().max(100).nullable().optional(),
  partners: z
    .array(z.object({ organisationId: z.number().int().positive(), shareCents: cents.nonnegative() }))
    .max(100)
    .optional(),
  lines: z.array(fundingLineInputSchema).max(1000).optional(),
});
export type Award = z.infer<typeof awardSchema>;

export const transitionApplicationSchema = z.object({
  to: applicationStateSchema,
  comment: z.string().trim().max(4000).nullable().default(null),
  version: z.number().int().positive(),
  award: awardSchema.optional(),
});
export type TransitionApplication = z.infer<typeof transitionApplicationSchema>;
