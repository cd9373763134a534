import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, pageOf, pageQuerySchema, provenanceSchema } from './common';
import { fundingKindSchema, fundingSourceSchema, organisationTypeSchema } from './portfolio';

/** The life of an application: submitted → under review → approved / rejected / withdrawn. */
export const applicationStates = ['submitted', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;
export const applicationStateSchema = z.enum(applicationStates);
export type ApplicationState = z.infer<typeof applicationStateSchema>;

/** Which state may follow which; approved, rejected and withdrawn are final. */
export const applicationTransitions: Record<ApplicationState, readonly ApplicationState[]> = {
  submitted: ['under_review', 'withdrawn'],
  under_review: ['approved', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** A document of a call: guidelines, forms, FAQs. */
export const callDocumentSchema = z.object({
  title: z.string().trim().min(1, 'Titel fehlt'),
  url: z.url('Keine gültige Adresse'),
});
export type CallDocument = z.infer<typeof callDocumentSchema>;

// ── Grants ────────────────────────────────────────────────────────────────────────────────────

const cents = z.number().int('Betrag in Cent (ganze Zahl)');

export const grantPartnerInputSchema = z.object({
  organisationId: z.number().int().positive(),
  role: z.enum(['lead', 'partner']),
  shareCents: cents.nonnegative('Anteil darf nicht negativ sein'),
});

export const fundingLineInputSchema = z.object({
  /** The partner receiving the money; must be a partner of the grant. */
  organisationId: z.number().int().positive().nullable().optional(),
  source: fundingSourceSchema,
  kind: fundingKindSchema,
  amountCents: cents.nonnegative('Betrag darf nicht negativ sein'),
  year: z.number().int().min(1950).max(2100).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** Why more is disbursed than committed; without it such a line is refused. */
  overrunReason: z.string().trim().min(3).max(500).nullable().optional(),
});
export type FundingLineInput = z.infer<typeof fundingLineInputSchema>;

export const createGrantSchema = z.object({
  projectId: z.number().int().positive(),
  callId: z.number().int().positive().nullable().optional(),
  reference: z.string().trim().max(100).nullable().optional(),
  title: z.string().trim().min(1, 'Titel fehlt').max(500),
  purpose: z.string().trim().max(5000).nullable().optional(),
  funderOrganisationId: z.number().int().positive().nullable().optional(),
  funderName: z.string().trim().min(1, 'Fördergeber fehlt').max(300),
  amountCents: cents.positive('Bewilligter Betrag muss größer als 0 sein'),
  decidedOn: isoDateSchema.nullable().optional(),
  periodStart: isoDateSchema.nullable().optional(),
  periodEnd: isoDateSchema.nullable().optional(),
  visibility: visibilitySchema.default('public'),
  partners: z.array(grantPartnerInputSchema).min(1, 'Mindestens ein Partner (der Lead)'),
  lines: z.array(fundingLineInputSchema).max(1000).default([]),
});
export type CreateGrant = z.infer<typeof createGrantSchema>;

export const grantSortSchema = z.enum(['decided', '-decided', 'amount', '-amount', 'title']);

export const listGrantsQuerySchema = pageQuerySchema.extend({
  programmeId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  callId: z.coerce.number().int().positive().optional(),
  source: fundingSourceSchema.optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  sort: grantSortSchema.default('-decided'),
});
export type ListGrantsQuery = z.infer<typeof listGrantsQuerySchema>;

const ref = z.object({ id: z.number().int(), name: z.string() });

/** Shares of the committed money (or, before a commitment, of the planned): EU, national public, mixed public, own, other. */
export const coFinancingSchema = z.object({
  basis: fundingKindSchema.nullable(),
  totalCents: z.number().int(),
  euCents: z.number().int(),
  nationalPublicCents: z.number().int(),
  /** Public money whose split between EU and national is not published (ERDF programme money). */
  mixedPublicCents: z.number().int(),
  ownCents: z.number().int(),
  otherCents: z.number().int(),
  /** EU share of the total (0…1); null without money. */
  euRate: z.number().nullable(),
  publicRate: z.number().nullable(),
});

export const grantListItemSchema = z.object({
  id: z.number().int(),
  reference: z.string().nullable(),
  title: z.string(),
  project: z.object({ id: z.number().int(), title: z.string() }),
  programme: ref,
  funderName: z.string(),
  lead: ref.nullable(),
  partnerCount: z.number().int(),
  amountCents: z.number().int(),
  committedCents: z.number().int(),
  disbursedCents: z.number().int(),
  decidedOn: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  visibility: visibilitySchema,
});
export type GrantListItem = z.infer<typeof grantListItemSchema>;
export const grantPageSchema = pageOf(grantListItemSchema);

export const fundingLineSchema = z.object({
  id: z.number().int(),
  organisation: ref.nullable(),
  source: fundingSourceSchema,
  kind: fundingKindSchema,
  amountCents: z.number().int(),
  year: z.number().int().nullable(),
  note: z.string().nullable(),
  overrunReason: z.string().nullable(),
  provenance: provenanceSchema,
});

export const grantDetailSchema = grantListItemSchema.extend({
  purpose: z.string().nullable(),
  call: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  applicationId: z.number().int().nullable(),
  funderOrganisation: ref.nullable(),
  partners: z.array(
    z.object({
      organisationId: z.number().int(),
      name: z.string(),
      type: organisationTypeSchema,
      role: z.enum(['lead', 'partner']),
      shareCents: z.number().int(),
      committedCents: z.number().int(),
      disbursedCents: z.number().int(),
    }),
  ),
  lines: z.array(fundingLineSchema),
  coFinancing: coFinancingSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  version: z.number().int(),
  provenance: provenanceSchema,
});
export type GrantDetail = z.infer<typeof grantDetailSchema>;

// ── Programme summary ─────────────────────────────────────────────────────────────────────────

const byKind = { plannedCents: z.number().int(), committedCents: z.number().int(), disbursedCents: z.number().int() };

export const programmeSummarySchema = z.object({
  programme: ref,
  totals: z.object(byKind),
  bySource: z.array(z.object({ source: fundingSourceSchema, ...byKind })),
  byYear: z.array(z.object({ year: z.number().int().nullable(), ...byKind })),
  byFieldOfAction: z.array(z.object({ fieldOfAction: ref.nullable(), ...byKind })),
  /** Every total by source, kind and year: what the three tables above add up. */
  rows: z.array(
    z.object({
      source: fundingSourceSchema,
      kind: fundingKindSchema,
      year: z.number().int().nullable(),
      amountCents: z.number().int(),
      lines: z.number().int(),
    }),
  ),
  coFinancing: coFinancingSchema,
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const addGrantLinesSchema = z.object({
  version: z.number().int().positive(),
  lines: z.array(fundingLineInputSchema).min(1, 'Mindestens eine Zeile').max(1000),
});

// ── Roll-ups, drill-down and checks ──────────────────────────────────────────────────────────

export const rollupDimensions = [
  'source',
  'fund',
  'kind',
  'year',
  'fieldOfAction',
  'district',
  'recipientType',
] as const;
export const rollupQuerySchema = z.object({ by: z.enum(rollupDimensions) });
export const rollupSchema = z.object({
  by: z.enum(rollupDimensions),
  groups: z.array(
    z.object({
      /** The value to filter the lines by (`GET /funding-lines?<by>=<key>`); null for "none". */
      key: z.string().nullable(),
      label: z.string(),
      plannedCents: z.number().int(),
      committedCents: z.number().int(),
      disbursedCents: z.number().int(),
      lines: z.number().int(),
    }),
  ),
});
export type Rollup = z.infer<typeof rollupSchema>;

export const funds = ['erdf', 'esf', 'jtf', 'horizon', 'eu_other', 'erdf_programme', 'national'] as const;

export const fundingLinesQuerySchema = pageQuerySchema.extend({
  programmeId: z.coerce.number().int().positive(),
  source: fundingSourceSchema.optional(),
  fund: z.enum(funds).optional(),
  kind: fundingKindSchema.optional(),
  /** A year, or "none" for lines without one. */
  year: z.union([z.literal('none'), z.coerce.number().int().min(1950).max(2100)]).optional(),
  fieldOfAction: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
  district: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
  recipientType: z.union([z.literal('none'), organisationTypeSchema]).optional(),
});
export type FundingLinesQuery = z.infer<typeof fundingLinesQuerySchema>;

export const fundingLinePageSchema = pageOf(
  z.object({
    id: z.number().int(),
    project: z.object({ id: z.number().int(), title: z.string() }),
    grant: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    recipient: z.object({ id: z.number().int(), name: z.string(), type: organisationTypeSchema }).nullable(),
    source: fundingSourceSchema,
    kind: fundingKindSchema,
    amountCents: z.number().int(),
    year: z.number().int().nullable(),
  }),
);

export const programmeChecksSchema = z.object({
  items: z.array(
    z.object({
      code: z.enum([
        'reported_parts_exceed_total',
        'reported_vs_tracked',
        'grant_over_budget',
        'call_over_budget',
        'projects_without_money',
        'lines_beside_grants',
      ]),
      severity: z.enum(['warning', 'info']),
      message: z.string(),
      projectIds: z.array(z.number().int()).optional(),
      grantIds: z.array(z.number().int()).optional(),
    }),
  ),
});
export type ProgrammeChecks = z.infer<typeof programmeChecksSchema>;
