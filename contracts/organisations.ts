import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, pageOf, pageQuerySchema, provenanceSchema } from './common';
import { naceCodeSchema, naceLabelsSchema } from './nace';
import { organisationTypeSchema, programmeSummarySchema, regionRefSchema } from './portfolio';

export const identifierSchemes = ['pic', 'ags', 'istat', 'register', 'website'] as const;
export const identifierSchemeSchema = z.enum(identifierSchemes);

/** EU SME definition: micro < 10, small < 50, medium < 250 employees; large above. Companies only. */
export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const;
export const sizeClassSchema = z.enum(sizeClasses);

export const membershipKinds = [
  'cluster_member',
  'alliance_member',
  'network_member',
  'consortium_partner',
  'signatory',
  'partner_region',
] as const;
export const membershipKindSchema = z.enum(membershipKinds);
export type MembershipKind = z.infer<typeof membershipKindSchema>;

export const listOrganisationsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  type: organisationTypeSchema.optional(),
  regionId: z.coerce.number().int().positive().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Ländercode aus zwei Großbuchstaben, z. B. DE')
    .optional(),
  /** `scheme:value`, e.g. `pic:999981731`. */
  identifier: z
    .string()
    .regex(new RegExp(`^(${identifierSchemes.join('|')}):.{1,100}$`), 'Form schema:wert, z. B. pic:999981731')
    .optional(),
  /** A NACE section, division, group or class; matches the code and everything below it. */
  nace: naceCodeSchema.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  sizeClass: sizeClassSchema.optional(),
  sort: z.enum(['relevance', 'name', '-name', '-projects', 'projects']).optional(),
});
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuerySchema>;

export const organisationListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: organisationTypeSchema,
  country: z.string().nullable(),
  city: z.string().nullable(),
  region: regionRefSchema.nullable(),
  projectCount: z.number().int(),
  visibility: visibilitySchema,
});
export type OrganisationListItem = z.infer<typeof organisationListItemSchema>;
export const organisationPageSchema = pageOf(organisationListItemSchema).extend({
  /** The total was counted up to 10,000 only: "more than 10,000". */
  isTotalCapped: z.boolean(),
});

export const partnerSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  type: organisationTypeSchema,
  country: z.string().nullable(),
  sharedProjects: z.number().int(),
  programmes: z.array(z.string()),
});

/**
 * A typed, dated tie between an organisation and a group (a cluster, alliance, network, consortium,
 * or the body a signatory signed for) — or a partnership of regions (`partner_region`).
 */
export const membershipSchema = z.object({
  id: z.number().int(),
  kind: membershipKindSchema,
  organisation: z.object({ id: z.number().int(), name: z.string(), type: organisationTypeSchema }),
  group: z.object({ id: z.number().int(), name: z.string(), type: organisationTypeSchema }).nullable(),
  partnership: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** The person who signed on behalf of the organisation (`signatory`). */
  person: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** The signatory's capacity, a note on the membership ("Präsident IHK NRW"). */
  note: z.string().nullable(),
  from: isoDateSchema.nullable(),
  until: isoDateSchema.nullable(),
  provenance: provenanceSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const createMembershipSchema = z
  .object({
    kind: membershipKindSchema,
    organisationId: z.number().int().positive(),
    groupId: z.number().int().positive().nullable().optional(),
    partnershipId: z.number().int().positive().nullable().optional(),
    personId: z.number().int().positive().nullable().optional(),
    note: z.string().trim().min(1).max(300).nullable().optional(),
    from: isoDateSchema.nullable().optional(),
    until: isoDateSchema.nullable().optional(),
  })
  .refine((m) => (m.kind === 'partner_region') === Boolean(m.partnershipId), {
    message: 'Eine Partnerregion braucht eine Partnerschaft (partnershipId), andere Mitgliedschaften keine',
    path: ['partnershipId'],
  })
  .refine((m) => m.kind === 'partner_region' || Boolean(m.groupId), {
    message: 'Mitgliedschaft wovon? groupId fehlt',
    path: ['groupId'],
  })
  .refine((m) => m.groupId !== m.organisationId, {
    message: 'Eine Organisation ist nicht Mitglied ihrer selbst',
    path: ['groupId'],
  })
  .refine((m) => !m.from || !m.until || m.from <= m.until, { message: 'Ende liegt vor dem Beginn', path: ['until'] });
export const endMembershipSchema = z.object({ until: isoDateSchema });

export const organisationNaceSchema = z.object({ code: z.string(), labels: naceLabelsSchema, isPrimary: z.boolean() });

export const descriptionsSchema = z.object({
  de: z.string().nullable(),
  en: z.string().nullable(),
  it: z.string().nullable(),
});

export const organisationDetailSchema = organisationListItemSchema.extend({
  street: z.string().nullable(),
  regionPath: z.array(regionRefSchema),
  aliases: z.array(z.string()),
  identifiers: z.array(z.object({ scheme: identifierSchemeSchema, value: z.string() })),
  sizeClass: sizeClassSchema.nullable(),
  nace: z.array(organisationNaceSchema),
  competenceFields: z.array(z.string()),
  description: descriptionsSchema,
  programmes: z.array(programmeSummarySchema.pick({ id: true, name: true }).extend({ projectCount: z.number().int() })),
  partners: z.array(partnerSchema),
  /** Groups this organisation belongs to, and — for a cluster, alliance or network — its members. */
  memberships: z.array(membershipSchema),
  members: z.array(membershipSchema),
  people: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      title: z.string(),
      from: isoDateSchema.nullable(),
      until: isoDateSchema.nullable(),
    }),
  ),
  /** Organisations merged into this one, kept for their history. */
  mergedFrom: z.array(z.object({ id: z.number().int(), name: z.string(), mergedAt: z.string() })),
  version: z.number().int(),
  provenance: provenanceSchema,
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const updateOrganisationSchema = z.object({
  version: z.number().int(),
  name: z.string().trim().min(2, 'Name fehlt').max(300).optional(),
  shortName: nullableText(100),
  type: organisationTypeSchema.optional(),
  sizeClass: sizeClassSchema.nullable().optional(),
  city: nullableText(200),
  street: nullableText(300),
  regionId: z.number().int().positive().nullable().optional(),
  description: z
    .object({ de: nullableText(5000), en: nullableText(5000), it: nullableText(5000) })
    .partial()
    .optional(),
  competenceFields: z.array(z.string().trim().min(2).max(100)).max(30).optional(),
  /** Replaces the NACE codes; the first is the primary one. Classes, groups or divisions. */
  nace: z.array(naceCodeSchema).max(20).optional(),
  identifiers: z
    .array(z.object({ scheme: identifierSchemeSchema, value: z.string().trim().min(1).max(200) }))
    .max(20)
    .optional(),
  visibility: visibilitySchema.optional(),
});
export type UpdateOrganisation = z.infer<typeof updateOrganisationSchema>;

/** Two organisations that may be the same, and why. */
export const duplicateSuggestionSchema = z.object({
  a: organisationListItemSchema,
  b: organisationListItemSchema,
  score: z.number(),
  reasons: z.array(z.enum(['similar_name', 'same_city', 'same_website', 'same_register', 'same_short_name'])),
});
export const duplicateListSchema = z.object({ items: z.array(duplicateSuggestionSchema) });
export const duplicatesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Minimal name similarity (0–1). */
  threshold: z.coerce.number().min(0.5).max(1).default(0.75),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

/** Merge `duplicateId` into the organisation of the path: every reference moves, the name stays as an alias. */
export const mergeOrganisationSchema = z.object({
  duplicateId: z.number().int().positive(),
  version: z.number().int(),
});

export const organisationFacetsSchema = z.object({
  type: z.array(z.object({ value: organisationTypeSchema, count: z.number().int() })),
  region: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int() })),
  sector: z.array(z.object({ code: z.string(), labels: naceLabelsSchema, count: z.number().int() })),
  programme: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int() })),
  country: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type OrganisationFacets = z.infer<typeof organisationFacetsSchema>;

export const exportFormatSchema = z.enum(['csv', 'xlsx']);

/** Clusters, alliances and networks with their member counts. */
export const networkListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      type: organisationTypeSchema,
      memberCount: z.number().int(),
      /** Membership kinds present (a dialogue has signatories, an alliance members). */
      kinds: z.array(membershipKindSchema),
    }),
  ),
});
export const partnerListSchema = z.object({ items: z.array(partnerSchema) });
export const partnersQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
