import { z } from 'zod';

export const mapMeasures = ['organisations', 'projects', 'funding'] as const;
export const mapAreas = ['nrw', 'piemonte'] as const;

export const mapQuerySchema = z.object({
  /** nrw: the 53 Kreise and kreisfreie Städte; piemonte: the 8 provinces. */
  area: z.enum(mapAreas).default('nrw'),
  measure: z.enum(mapMeasures).default('organisations'),
  programmeId: z.coerce.number().int().positive().optional(),
});

export const mapValuesSchema = z.object({
  area: z.enum(mapAreas),
  measure: z.enum(mapMeasures),
  /** funding: euro cents (committed, else planned); the others: counts of visible records. */
  items: z.array(z.object({ regionId: z.number().int(), code: z.string(), name: z.string(), value: z.number() })),
});
export type MapValues = z.infer<typeof mapValuesSchema>;

/** District outlines as GeoJSON (WGS84), keyed by the official regional key (ARS). */
export const districtShapesSchema = z.object({
  type: z.literal('FeatureCollection'),
  attribution: z.string(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
      geometry: z.object({
        type: z.enum(['Polygon', 'MultiPolygon']),
        coordinates: z.array(z.any()),
      }),
    }),
  ),
});
