import type { z } from 'zod';
import type { CsvRow } from './csv';
import type { RowError } from './importer';

/** Validates one CSV row against a Zod schema, turning issues into row errors that name the field. */
export function validateRow<S extends z.ZodType>(
  schema: S,
  csvRow: CsvRow,
  errors: RowError[],
): z.infer<S> | undefined {
  if (csvRow.problem !== undefined) {
    errors.push({ row: csvRow.row, field: '(Zeile)', reason: csvRow.problem });
    return undefined;
  }
  const result = schema.safeParse(csvRow.values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    errors.push({ row: csvRow.row, field: issue.path.join('.') || '(Zeile)', reason: issue.message });
  }
  return undefined;
}
