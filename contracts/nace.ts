import { z } from 'zod';

/** A NACE Rev. 2 code: a section letter (`C`), a division (`28`), a group (`28.1`) or a class (`28.11`). */
export const naceCodeSchema = z
  .string()
  .trim()
  .regex(/^([A-U]|\d{2}(\.\d{1,2})?)$/, 'NACE-Code wie C, 28, 28.1 oder 28.11');

export const naceLabelsSchema = z.object({ de: z.string(), en: z.string(), it: z.string() });

export const naceCodeItemSchema = z.object({
  code: z.string(),
  level: z.number().int().min(1).max(4),
  parentCode: z.string().nullable(),
  section: z.string(),
  labels: naceLabelsSchema,
});
export type NaceCodeItem = z.infer<typeof naceCodeItemSchema>;

export const listNaceQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  parent: z.string().trim().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export const naceListSchema = z.object({ items: z.array(naceCodeItemSchema) });
