import { z } from 'zod';
import { pageOf, pageQuerySchema, provenanceSchema } from './common';
import { organisationTypeSchema, programmeSummarySchema, regionRefSchema } from './portfolio';

export const identifierSchemes = ['pic', 'ags', 'istat', 'register', 'website'] as const;

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
  sort: z.enum(['relevance', 'name', '-projects']).optional(),
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
});
export type OrganisationListItem = z.infer<typeof organisationListItemSchema>;
export const organisationPageSchema = pageOf(organisationListItemSchema);

export const partnerSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  type: organisationTypeSchema,
  country: z.string().nullable(),
  sharedProjects: z.number().int(),
  programmes: z.array(z.string()),
});

export const organisationDetailSchema = organisationListItemSchema.extend({
  street: z.string().nullable(),
  regionPath: z.array(regionRefSchema),
  aliases: z.array(z.string()),
  identifiers: z.array(z.object({ scheme: z.enum(identifierSchemes), value: z.string() })),
  programmes: z.array(programmeSummarySchema.pick({ id: true, name: true }).extend({ projectCount: z.number().int() })),
  partners: z.array(partnerSchema),
  provenance: provenanceSchema,
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;
