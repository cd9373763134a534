import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema } from './common';
import { fundingKindSchema, fundingSourceSchema, projectStatusSchema } from './portfolio';

/** `?asOf=2021-12-07`; without it, today. */
export const reportQuerySchema = z.object({ asOf: isoDateSchema.optional() });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const freezeReportSchema = z.object({
  asOf: isoDateSchema,
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type FreezeReport = z.infer<typeof freezeReportSchema>;

export const compareParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  otherId: z.coerce.number().int().positive(),
});

const count = z.number().int().nonnegative();
const cents = z.number().int();

export const statusCountSchema = z.object({ status: projectStatusSchema.nullable(), count });

export const reportHeadlineSchema = z.object({
  projects: count,
  inProgress: count,
  completed: count,
  underReview: count,
  withoutStatus: count,
  /** Committed money, else planned, summed per project (the headline amount of step 1). */
  fundingCents: cents,
  plannedCents: cents,
  committedCents: cents,
  disbursedCents: cents,
});
export type ReportHeadline = z.infer<typeof reportHeadlineSchema>;
export const headlineMetrics = reportHeadlineSchema.keyof().options;

export const reportProjectSchema = z.object({
  id: z.number().int(),
  reference: z.string().nullable(),
  title: z.string(),
  fieldOfAction: z.string().nullable(),
  status: projectStatusSchema.nullable(),
  /** When the status as of the report's date was recorded; null when the source gives no date. */
  statusSince: isoDateSchema.nullable(),
  isPartnerProject: z.boolean(),
  leadOrganisation: z.string().nullable(),
  region: z.string().nullable(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  fundingCents: cents,
  disbursedCents: cents,
  visibility: visibilitySchema,
});
export type ReportProject = z.infer<typeof reportProjectSchema>;

export const reportFieldOfActionSchema = z.object({
  id: z.number().int().nullable(),
  name: z.string().nullable(),
  projects: count,
  statusCounts: z.array(statusCountSchema),
  fundingCents: cents,
});

export const reportMoneySchema = z.object({
  source: fundingSourceSchema,
  kind: fundingKindSchema,
  year: z.number().int().nullable(),
  amountCents: cents,
});

export const reportSourceSchema = z.object({
  source: fundingSourceSchema,
  plannedCents: cents,
  committedCents: cents,
  disbursedCents: cents,
});

export const reportYearSchema = z.object({
  year: z.number().int().nullable(),
  plannedCents: cents,
  committedCents: cents,
  disbursedCents: cents,
});

export const reportFigureSchema = z.object({
  id: z.number().int(),
  metric: z.string(),
  label: z.string(),
  unit: z.enum(['count', 'eur_cents']),
  qualifier: z.enum(['exact', 'approx', 'up_to', 'more_than']),
  value: z.number().int(),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  publishedOn: isoDateSchema,
  /** What Standort tracks for the same metric as of the report's date; null when it tracks none. */
  tracked: z.number().int().nullable(),
  /** tracked − reported; null without a tracked figure. */
  difference: z.number().int().nullable(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const snapshotRefSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  asOf: isoDateSchema,
  title: z.string(),
  frozenAt: z.string(),
});

/** What changed from one report to another: headline figures, statuses, projects, money. */
export const reportDiffSchema = z.object({
  headline: z.array(
    z.object({ metric: reportHeadlineSchema.keyof(), previous: cents, current: cents, difference: cents }),
  ),
  statusChanges: z.array(
    z.object({
      projectId: z.number().int(),
      title: z.string(),
      from: projectStatusSchema.nullable(),
      to: projectStatusSchema.nullable(),
    }),
  ),
  newProjects: z.array(
    z.object({ projectId: z.number().int(), title: z.string(), status: projectStatusSchema.nullable() }),
  ),
  removedProjects: z.array(z.object({ projectId: z.number().int(), title: z.string() })),
  money: z.array(
    z.object({
      source: fundingSourceSchema,
      kind: fundingKindSchema,
      previousCents: cents,
      currentCents: cents,
      differenceCents: cents,
    }),
  ),
});
export type ReportDiff = z.infer<typeof reportDiffSchema>;

export const progressReportSchema = z.object({
  programme: z.object({ id: z.number().int(), slug: z.string(), name: z.string(), owner: z.string().nullable() }),
  asOf: isoDateSchema,
  generatedAt: z.string(),
  /** The most protected level of any record in the report: who may read it once frozen. */
  visibility: visibilitySchema,
  headline: reportHeadlineSchema,
  byStatus: z.array(statusCountSchema),
  byFieldOfAction: z.array(reportFieldOfActionSchema),
  money: z.array(reportMoneySchema),
  bySource: z.array(reportSourceSchema),
  byYear: z.array(reportYearSchema),
  projects: z.array(reportProjectSchema),
  reportedFigures: z.array(reportFigureSchema),
  /** Changes since the latest frozen report of the programme as of this date or earlier; null without one. */
  changes: z.object({ previous: snapshotRefSchema, diff: reportDiffSchema }).nullable(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const reportSnapshotSchema = snapshotRefSchema.extend({
  programmeId: z.number().int(),
  note: z.string().nullable(),
  sha256: z.string(),
  visibility: visibilitySchema,
  frozenBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

export const reportSnapshotDetailSchema = reportSnapshotSchema.extend({ data: progressReportSchema });
export type ReportSnapshotDetail = z.infer<typeof reportSnapshotDetailSchema>;

export const reportSnapshotListSchema = z.object({ items: z.array(reportSnapshotSchema), total: count });

export const reportComparisonSchema = z.object({
  from: reportSnapshotSchema,
  to: reportSnapshotSchema,
  diff: reportDiffSchema,
});
export type ReportComparison = z.infer<typeof reportComparisonSchema>;
