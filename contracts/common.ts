import { z } from 'zod';

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const isoDateSchema = z.iso.date();

/** Where a record came from: a row of an imported file, a passage of a seed document, a user's entry, or a computation. */
export const provenanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('import'),
    importKind: z.string(),
    file: z.string(),
    row: z.number().int().positive(),
    source: z.string().optional(),
  }),
  z.object({
    kind: z.literal('seed'),
    document: z.string(),
    title: z.string(),
    publishedOn: isoDateSchema.optional(),
    passage: z.string(),
  }),
  z.object({
    kind: z.literal('manual'),
    userId: z.number().int(),
    at: z.string(),
  }),
  /** Computed live from other records (e.g. joint projects per year); `source` says from what. */
  z.object({
    kind: z.literal('derived'),
    source: z.string(),
  }),
]);
export type Provenance = z.infer<typeof provenanceSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative() });
}

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const moneySchema = z.object({
  amountCents: z.number().int(),
  currency: z.literal('EUR'),
});

/** The error responses a route can give, for its OpenAPI description: `errorResponses(400, 404)`. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<S, typeof errorResponseSchema>;
}
