import { z } from 'zod';
import { organisationTypeSchema } from './portfolio';

export const searchKinds = ['programme', 'organisation', 'person', 'project'] as const;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Suchbegriff fehlt').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Facet filters: narrow the hits to one kind, organisation type, region, NACE section or programme. */
  kind: z.enum(searchKinds).optional(),
  type: organisationTypeSchema.optional(),
  regionId: z.coerce.number().int().positive().optional(),
  sector: z
    .string()
    .regex(/^[A-U]$/, 'NACE-Abschnitt A bis U')
    .optional(),
  programmeId: z.coerce.number().int().positive().optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The title with matches wrapped in <mark>…</mark> (everything else HTML-escaped). */
  highlight: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
/**
 * Counts of all matches (not only the listed hits) per kind, organisation type, region (district
 * or province), NACE section and programme, under the other facet filters.
 */
export const searchFacetsSchema = z.object({
  kind: z.array(facetValue),
  type: z.array(facetValue),
  region: z.array(facetValue),
  sector: z.array(facetValue),
  programme: z.array(facetValue),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;
export const searchResultSchema = z.object({ items: z.array(searchHitSchema), facets: searchFacetsSchema });

export const suggestQuerySchema = z.object({
  q: z.string().trim().min(1, 'Suchbegriff fehlt').max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const suggestionSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestResultSchema = z.object({ items: z.array(suggestionSchema) });
