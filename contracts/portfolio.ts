import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, pageOf, pageQuerySchema, provenanceSchema } from './common';

export const projectStatuses = ['proposed', 'under_review', 'in_progress', 'completed', 'stopped'] as const;
export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const fundingSources = [
  'eu_erdf',
  'eu_esf',
  'eu_jtf',
  'eu_other',
  'eu_horizon',
  'erdf_programme',
  'federal',
  'state',
  'municipal',
  'own',
  'mixed',
  'other',
] as const;
export const fundingSourceSchema = z.enum(fundingSources);
export type FundingSource = z.infer<typeof fundingSourceSchema>;

export const fundingKinds = ['planned', 'committed', 'disbursed'] as const;
export const fundingKindSchema = z.enum(fundingKinds);
export type FundingKind = z.infer<typeof fundingKindSchema>;

export const organisationTypes = [
  'company',
  'university',
  'research_institute',
  'cluster_organisation',
  'development_agency',
  'chamber_association',
  'trade_union',
  'public_body',
  'network_alliance',
  'other',
] as const;
export const organisationTypeSchema = z.enum(organisationTypes);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

export const regionRefSchema = z.object({ id: z.number().int(), name: z.string(), level: z.string() });

export const fieldOfActionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  projectCount: z.number().int(),
});

export const programmeSummarySchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  projectCount: z.number().int(),
  fieldOfActionCount: z.number().int(),
  fundingTotalCents: z.number().int(),
  visibility: visibilitySchema,
  version: z.number().int(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const reportedFigureSchema = z.object({
  id: z.number().int(),
  metric: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(['count', 'eur_cents']),
  qualifier: z.enum(['exact', 'approx', 'up_to', 'more_than']),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  publishedOn: isoDateSchema,
  provenance: provenanceSchema,
});
export type ReportedFigure = z.infer<typeof reportedFigureSchema>;

export const moneyBucketSchema = z.object({
  source: fundingSourceSchema,
  kind: fundingKindSchema,
  year: z.number().int().nullable(),
  amountCents: z.number().int(),
});

export const programmeDetailSchema = programmeSummarySchema.extend({
  provenance: provenanceSchema.nullable(),
  fieldsOfAction: z.array(fieldOfActionSchema),
  projectsWithoutFieldOfAction: z.number().int(),
  statusCounts: z.array(z.object({ status: projectStatusSchema.nullable(), count: z.number().int() })),
  money: z.array(moneyBucketSchema),
  reportedFigures: z.array(reportedFigureSchema),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const projectSorts = ['relevance', 'title', '-title', 'startDate', '-startDate', 'funding', '-funding'] as const;

export const listProjectsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  fieldOfActionId: z.coerce.number().int().positive().optional(),
  status: projectStatusSchema.optional(),
  regionId: z.coerce.number().int().positive().optional(),
  isPartnerProject: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(projectSorts).optional(),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuerySchema>;

export const projectListItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  programme: z.object({ id: z.number().int(), name: z.string() }),
  fieldOfAction: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  status: projectStatusSchema.nullable(),
  isPartnerProject: z.boolean(),
  region: regionRefSchema.nullable(),
  leadOrganisation: z.string().nullable(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  fundingTotalCents: z.number().int(),
});
export type ProjectListItem = z.infer<typeof projectListItemSchema>;
export const projectPageSchema = pageOf(projectListItemSchema).extend({
  /** True when more projects match than were counted; `total` is then a lower bound. */
  isTotalCapped: z.boolean(),
});

export const projectDetailSchema = projectListItemSchema.extend({
  reference: z.string().nullable(),
  summary: z.string().nullable(),
  regionPath: z.array(regionRefSchema),
  organisations: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      type: organisationTypeSchema,
      role: z.enum(['lead', 'partner']),
    }),
  ),
  statusHistory: z.array(
    z.object({
      status: projectStatusSchema,
      changedOn: isoDateSchema.nullable(),
      comment: z.string().nullable(),
      provenance: provenanceSchema,
    }),
  ),
  fundingLines: z.array(
    z.object({
      id: z.number().int(),
      source: fundingSourceSchema,
      kind: fundingKindSchema,
      amountCents: z.number().int(),
      currency: z.literal('EUR'),
      year: z.number().int().nullable(),
      note: z.string().nullable(),
      provenance: provenanceSchema,
    }),
  ),
  provenance: provenanceSchema,
  visibility: visibilitySchema,
  version: z.number().int(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const regionListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  level: z.enum(['state', 'admin_district', 'district', 'municipality', 'region', 'province']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const regionListSchema = z.object({ items: z.array(regionRefSchema.extend({ code: z.string() })) });
export const regionDetailSchema = regionRefSchema.extend({
  code: z.string(),
  nuts3: z.string().nullable(),
  path: z.array(regionRefSchema),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;

const nullableText = (max: number) => z.string().trim().max(max).nullable();

export const createProgrammeSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]{2,80}$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche (2–80 Zeichen)'),
    name: z.string().trim().min(1, 'Name fehlt').max(200),
    description: nullableText(4000).default(null),
    owner: nullableText(300).default(null),
    periodStart: isoDateSchema.nullable().default(null),
    periodEnd: isoDateSchema.nullable().default(null),
    visibility: visibilitySchema.default('public'),
  })
  .refine((p) => !p.periodStart || !p.periodEnd || p.periodEnd >= p.periodStart, {
    path: ['periodEnd'],
    message: 'Ende liegt vor dem Beginn',
  });
export type CreateProgramme = z.infer<typeof createProgrammeSchema>;

export const updateProgrammeSchema = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1, 'Name fehlt').max(200).optional(),
  description: nullableText(4000).optional(),
  owner: nullableText(300).optional(),
  periodStart: isoDateSchema.nullable().optional(),
  periodEnd: isoDateSchema.nullable().optional(),
  visibility: visibilitySchema.optional(),
});
export type UpdateProgramme = z.infer<typeof updateProgrammeSchema>;

export const fieldOfActionInputSchema = z.object({
  name: z.string().trim().min(1, 'Name fehlt').max(300),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type FieldOfActionInput = z.infer<typeof fieldOfActionInputSchema>;

export const createProjectSchema = z
  .object({
    programmeId: z.number().int().positive(),
    fieldOfActionId: z.number().int().positive().nullable().default(null),
    title: z.string().trim().min(1, 'Titel fehlt').max(500),
    summary: nullableText(10_000).default(null),
    isPartnerProject: z.boolean().default(false),
    regionId: z.number().int().positive().nullable().default(null),
    startDate: isoDateSchema.nullable().default(null),
    endDate: isoDateSchema.nullable().default(null),
    status: projectStatusSchema.default('proposed'),
    visibility: visibilitySchema.default('public'),
  })
  .refine((p) => !p.startDate || !p.endDate || p.endDate >= p.startDate, {
    path: ['endDate'],
    message: 'Ende liegt vor dem Beginn',
  });
export type CreateProject = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  version: z.number().int().positive(),
  fieldOfActionId: z.number().int().positive().nullable().optional(),
  title: z.string().trim().min(1, 'Titel fehlt').max(500).optional(),
  summary: nullableText(10_000).optional(),
  isPartnerProject: z.boolean().optional(),
  regionId: z.number().int().positive().nullable().optional(),
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  visibility: visibilitySchema.optional(),
});
export type UpdateProject = z.infer<typeof updateProjectSchema>;

export const changeStatusSchema = z.object({
  version: z.number().int().positive(),
  status: projectStatusSchema,
  changedOn: isoDateSchema,
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type ChangeStatus = z.infer<typeof changeStatusSchema>;
