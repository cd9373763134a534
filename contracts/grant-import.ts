import { z } from 'zod';

/**
 * The generic grant import: a CSV or XLSX file with its own headers, and a mapping saying which
 * column holds which field. One row is one funding line of one recipient; rows with the same
 * project reference form one project, rows with the same grant reference one grant.
 */
export const grantImportFields = [
  'programme',
  'projectReference',
  'projectTitle',
  'grantReference',
  'grantTitle',
  'funder',
  'decidedOn',
  'periodStart',
  'periodEnd',
  'grantAmount',
  'recipient',
  'role',
  'share',
  'source',
  'kind',
  'amount',
  'year',
] as const;
export const grantImportFieldSchema = z.enum(grantImportFields);
export type GrantImportField = z.infer<typeof grantImportFieldSchema>;

/** Fields every row needs: from a column, or (where a default is allowed) from the mapping's default. */
export const requiredGrantImportFields: readonly GrantImportField[] = [
  'programme',
  'projectReference',
  'grantReference',
  'funder',
  'recipient',
  'source',
  'kind',
  'amount',
];

/** Fields that may take one value for the whole file instead of a column. */
export const defaultableGrantImportFields = ['programme', 'funder', 'source', 'kind'] as const;

const header = z.string().trim().min(1, 'Spaltenname fehlt').max(200);

export const grantImportMappingSchema = z
  .object({
    /** Field → the file's column header holding it. */
    columns: z.partialRecord(grantImportFieldSchema, header),
    /** One value for the whole file where no column is mapped or the cell is empty. */
    defaults: z
      .object({
        programme: z.string().trim().min(1).max(300),
        funder: z.string().trim().min(1).max(300),
        source: z.string().trim().min(1).max(100),
        kind: z.string().trim().min(1).max(100),
      })
      .partial()
      .strict()
      .default({}),
    /** Amounts as "1.234.567,89" (de), "1234567.89" (plain), or whichever one reading a cell allows (auto). */
    amountFormat: z.enum(['auto', 'de', 'plain']).default('auto'),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const field of requiredGrantImportFields) {
      const hasDefault = (m.defaults as Record<string, string | undefined>)[field] !== undefined;
      if (m.columns[field] === undefined && !hasDefault) {
        ctx.addIssue({ code: 'custom', path: ['columns', field], message: `Spalte für ${field} fehlt` });
      }
    }
    if (m.columns.projectTitle === undefined && m.columns.grantTitle === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'projectTitle'],
        message: 'Spalte für projectTitle oder grantTitle nötig',
      });
    }
  });
export type GrantImportMapping = z.infer<typeof grantImportMappingSchema>;
export type GrantImportMappingInput = z.input<typeof grantImportMappingSchema>;

export const tableFormatSchema = z.enum(['csv', 'xlsx']);

/** An uploaded file (of an XLSX workbook the first worksheet): its headers, the first rows, and a mapping suggested from the header names. */
export const importFileSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  format: tableFormatSchema,
  sizeBytes: z.number().int(),
  headers: z.array(z.string()),
  preview: z.array(z.array(z.string())),
  suggestedMapping: z.object({ columns: z.partialRecord(grantImportFieldSchema, z.string()) }),
});
export type ImportFile = z.infer<typeof importFileSchema>;

export const importFileQuerySchema = z.object({
  name: z.string().trim().min(1).max(200).default('upload.csv'),
});

export const startGrantImportSchema = z.object({
  fileId: z.string().regex(/^[0-9a-f-]{36}$/, 'Keine Datei-ID'),
  mapping: grantImportMappingSchema,
  dryRun: z.boolean().default(true),
});
export type StartGrantImport = z.input<typeof startGrantImportSchema>;

/** One bad row: its line in the file (header = line 1), the column (or field) and the reason. */
export const importRowErrorSchema = z.object({ row: z.number().int(), field: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

const count = z.number().int().nonnegative();

/** What an import creates (dry-run: would create). */
export const grantImportSummarySchema = z.object({
  rows: count,
  programmes: z.array(z.object({ id: z.number().int(), name: z.string(), grants: count, amountCents: z.number() })),
  projects: z.object({ new: count, existing: count }),
  grants: count,
  organisations: z.object({ new: count, existing: count }),
  lines: count,
  amountBySource: z.array(z.object({ source: z.string(), kind: z.string(), amountCents: z.number() })),
});
export type GrantImportSummary = z.infer<typeof grantImportSummarySchema>;

export const importJobStates = ['queued', 'running', 'succeeded', 'failed'] as const;
export const importPhases = ['queued', 'read', 'validate', 'write', 'done'] as const;

export const importJobQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const importJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  state: z.enum(importJobStates),
  phase: z.enum(importPhases),
  /** Rows read, grants validated or rows written in the current phase; total is an estimate while reading. */
  done: count,
  total: count,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** A failed job: why (the bad rows are in `errors`). */
  message: z.string().nullable(),
  /** The file was imported before with the same mapping: nothing written. */
  unchanged: z.boolean(),
  errors: z.object({ items: z.array(importRowErrorSchema), total: count }),
  summary: grantImportSummarySchema.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobStartedSchema = z.object({ jobId: z.string() });

/** Largest upload the import accepts. */
export const IMPORT_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
