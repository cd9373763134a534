import { z } from 'zod';

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Suchbegriff fehlt').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const searchHitSchema = z.object({
  kind: z.enum(['programme', 'organisation', 'project']),
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The title with matches wrapped in <mark>…</mark> (everything else HTML-escaped). */
  highlight: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const searchResultSchema = z.object({ items: z.array(searchHitSchema) });
