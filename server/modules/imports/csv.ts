import fs from 'node:fs';
import { parse } from 'csv-parse';

export type CsvRow =
  | { row: number; values: Record<string, string>; problem?: undefined }
  | { row: number; values?: undefined; problem: string };

/**
 * Streams a CSV file with a header line; `row` is the 1-based data row number (header excluded).
 * A row with the wrong number of fields comes back as a problem instead of stopping the file.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvRow> {
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }));
  let header: string[] | undefined;
  let row = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = fields;
      continue;
    }
    row++;
    if (fields.length !== header.length) {
      yield { row, problem: `${fields.length} statt ${header.length} Spalten` };
      continue;
    }
    yield { row, values: Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])) };
  }
}

/** Parses a decimal euro amount ("1234.5", "48219.00") exactly into integer cents. */
export function eurosToCents(text: string): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}
