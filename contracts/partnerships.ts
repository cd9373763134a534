import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, provenanceSchema } from './common';

/** How exact a date is: a day, or only the month ("Februar 2022") or the year the source names. */
export const datePrecisionSchema = z.enum(['day', 'month', 'year']);

export const partnershipSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regions: z.array(z.object({ id: z.number().int(), name: z.string(), country: z.string() })),
  agreementSignedOn: isoDateSchema.nullable(),
  agreementPrecision: datePrecisionSchema.nullable(),
  /** null: open-ended. */
  agreementUntil: isoDateSchema.nullable(),
  themes: z.array(z.string()),
  eventCount: z.number().int(),
  visibility: visibilitySchema,
});
export type PartnershipSummary = z.infer<typeof partnershipSummarySchema>;
export const partnershipListSchema = z.object({ items: z.array(partnershipSummarySchema) });

export const partnershipEventKinds = ['agreement', 'delegation_visit', 'talks', 'meeting', 'other'] as const;
export const partnershipEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(partnershipEventKinds),
  title: z.string(),
  /** null when the source does not give the date. */
  date: isoDateSchema.nullable(),
  datePrecision: datePrecisionSchema.nullable(),
  places: z.array(z.string()),
  participants: z.array(
    z.object({ personId: z.number().int().nullable(), name: z.string(), role: z.string().nullable() }),
  ),
  topics: z.array(z.string()),
  followUps: z.array(z.string()),
  provenance: provenanceSchema,
});
export type PartnershipEvent = z.infer<typeof partnershipEventSchema>;

export const indicatorUnits = ['eur', 'count', 'persons', 'rank'] as const;
export const indicatorPointSchema = z.object({
  /** The period the value stands for: a year (`2024`) or a date (`2024-06-30`); null when the source names none. */
  period: z.string().nullable(),
  value: z.number(),
  /** "rund 630", "mehr als 142.000". */
  qualifier: z.enum(['exact', 'approx', 'more_than']),
  provenance: provenanceSchema,
});
export const indicatorSchema = z.object({
  id: z.number().int().nullable(),
  key: z.string(),
  label: z.string(),
  unit: z.enum(indicatorUnits),
  /** reported: values from documents or entered by staff; derived: computed live from the projects in Standort. */
  source: z.enum(['reported', 'derived']),
  points: z.array(indicatorPointSchema),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const partnershipDetailSchema = partnershipSummarySchema.extend({
  description: z.string().nullable(),
  agreementProvenance: provenanceSchema.nullable(),
  events: z.array(partnershipEventSchema),
  indicators: z.array(indicatorSchema),
  /** Organisations tied to the partnership (`partner_region` memberships). */
  organisations: z.array(z.object({ id: z.number().int(), name: z.string(), note: z.string().nullable() })),
  version: z.number().int(),
});
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;

const textList = z.array(z.string().trim().min(1).max(300)).max(50);

export const createPartnershipEventSchema = z.object({
  kind: z.enum(partnershipEventKinds),
  title: z.string().trim().min(3, 'Titel fehlt').max(300),
  date: isoDateSchema.nullable(),
  datePrecision: datePrecisionSchema.default('day'),
  places: textList.default([]),
  participants: z
    .array(
      z.object({
        personId: z.number().int().positive().nullable().default(null),
        name: z.string().trim().min(2).max(200),
        role: z.string().trim().max(300).nullable().default(null),
      }),
    )
    .max(100)
    .default([]),
  topics: textList.default([]),
  followUps: textList.default([]),
});

export const addIndicatorValueSchema = z.object({
  period: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Jahr (2024) oder Datum (2024-06-30)'),
  value: z.number().finite(),
  qualifier: z.enum(['exact', 'approx', 'more_than']).default('exact'),
});
export const indicatorParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  indicatorId: z.coerce.number().int().positive(),
});
