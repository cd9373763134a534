import { z } from 'zod';

/**
 * Open data: the public grants as a 360Giving package (JSON) and flat file (CSV), and the catalogue
 * of every open dataset behind the `/open-data` page.
 */

/** The filter of the 360Giving files: one programme, or all public programmes. */
export const openDataQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
});
export type OpenDataQuery = z.infer<typeof openDataQuerySchema>;

/**
 * The licence the open data is published under: the German public sector's attribution licence,
 * compatible with CC BY 4.0, as most of the sources (VG5000, the ERDF lists) already are.
 */
export const openDataLicence = {
  id: 'dl-de/by-2-0',
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
} as const;

export const openDatasetIds = ['grants', 'organisations', 'projects'] as const;
export const openDataFormats = ['json', 'csv', 'xlsx'] as const;

export const openDatasetSchema = z.object({
  id: z.enum(openDatasetIds),
  /** Public records in the dataset: what an anonymous reader downloads. */
  records: z.number().int().nonnegative(),
  downloads: z.array(
    z.object({
      format: z.enum(openDataFormats),
      /** Standard the file follows, e.g. `360Giving`; null for Standort's own columns. */
      standard: z.string().nullable(),
      url: z.string(),
    }),
  ),
});
export type OpenDataset = z.infer<typeof openDatasetSchema>;

export const openDataCatalogueSchema = z.object({
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  datasets: z.array(openDatasetSchema),
});
export type OpenDataCatalogue = z.infer<typeof openDataCatalogueSchema>;

// ── 360Giving ────────────────────────────────────────────────────────────────────────────────
// The part of the 360Giving Data Standard (schema 1.x, `360-giving-schema.json`) that Standort
// fills. The JSON package is `{ "grants": [grant, …] }`.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const threeSixtyGivingLocationSchema = z.object({
  name: z.string(),
  countryCode: z.string().length(2),
  geoCode: z.string().optional(),
  geoCodeType: z.string().optional(),
});

export const threeSixtyGivingOrganisationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  streetAddress: z.string().optional(),
  addressLocality: z.string().optional(),
  addressCountry: z.string().optional(),
  url: z.string().optional(),
  location: z.array(threeSixtyGivingLocationSchema).optional(),
});

export const threeSixtyGivingGrantSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  currency: z.string().length(3),
  amountAwarded: z.number(),
  awardDate: isoDate,
  url: z.string().optional(),
  plannedDates: z.array(z.object({ startDate: isoDate, endDate: isoDate.optional() })).optional(),
  recipientOrganization: z.array(threeSixtyGivingOrganisationSchema).min(1),
  fundingOrganization: z.array(threeSixtyGivingOrganisationSchema).min(1),
  grantProgramme: z.array(z.object({ code: z.string(), title: z.string() })).optional(),
  beneficiaryLocation: z.array(threeSixtyGivingLocationSchema).optional(),
});
export type ThreeSixtyGivingGrant = z.infer<typeof threeSixtyGivingGrantSchema>;
