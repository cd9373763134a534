import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** A cell as a file gives it: CSV cells are text, XLSX cells may be numbers, dates or booleans. */
export type Cell = string | number | Date | boolean | null;
/** One row of a table file; `line` is its row number in the file or worksheet (header = 1). */
export type TableRow = { line: number; cells: Cell[] };
export type TableFormat = 'csv' | 'xlsx';

/** XLSX files are ZIP archives; everything else is read as CSV. */
export async function detectTableFormat(file: string): Promise<TableFormat> {
  const handle = await fsp.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * Streams the rows of a CSV file (delimiter `;`, `,` or tab, as the header line uses most; UTF-8 or,
 * when the file is not valid UTF-8, Windows-1252 as German Excel writes it) or of the first worksheet
 * of an XLSX file. The first row is the header. `onBytes` reports how much of the file was read.
 */
export async function* readTable(
  file: string,
  onBytes?: (read: number, total: number) => void,
): AsyncGenerator<TableRow> {
  const format = await detectTableFormat(file);
  const total = (await fsp.stat(file)).size;
  let read = 0;
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        onBytes?.(read, total);
        done(null, chunk);
      },
    }),
  );
  try {
    if (format === 'xlsx') yield* readXlsx(counted);
    else yield* readCsvTable(file, counted);
  } finally {
    input.destroy();
    counted.destroy();
  }
}

/** The header and the first `count` rows as text, for choosing the mapping. */
export async function inspectTable(file: string, count = 10) {
  const rows: string[][] = [];
  for await (const row of readTable(file)) {
    rows.push(row.cells.map(cellText));
    if (rows.length > count) break;
  }
  const [headers = [], ...preview] = rows;
  const width = headers.length;
  return {
    format: await detectTableFormat(file),
    headers,
    preview: preview.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
  };
}

/** A cell as text: numbers with a decimal point, dates as ISO dates. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

async function* readCsvTable(file: string, input: Transform): AsyncGenerator<TableRow> {
  const { delimiter, encoding } = await sniffCsv(file);
  const decoded = encoding === 'utf-8' ? input : input.pipe(decodeStream(encoding));
  const parser = decoded.pipe(
    parse({ bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }),
  );
  let line = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    line++;
    yield { line, cells: fields.map((f) => f.trim()) };
  }
}

/** The delimiter the header line uses most, and whether the file is UTF-8 (else Windows-1252). */
async function sniffCsv(file: string): Promise<{ delimiter: string; encoding: 'utf-8' | 'windows-1252' }> {
  const handle = await fsp.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    const sample = buffer.subarray(0, bytesRead);
    let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
    try {
      // A multi-byte character cut at the end of the sample is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    } catch {
      encoding = 'windows-1252';
    }
    const text = new TextDecoder(encoding).decode(sample);
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    const counts = [';', ',', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
    counts.sort((a, b) => b.n - a.n);
    return { delimiter: counts[0]?.n ? counts[0].d : ';', encoding };
  } finally {
    await handle.close();
  }
}

function decodeStream(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

type XlsxValue = ExcelJS.CellValue | undefined;

async function* readXlsx(input: Transform): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as XlsxValue[];
      yield { line: row.number, cells: values.slice(1).map(xlsxCell) };
    }
    return; // the first worksheet only
  }
}

function xlsxCell(value: XlsxValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in value) return xlsxCell(value.result as XlsxValue);
  if ('text' in value) return xlsxCell(value.text as XlsxValue);
  return null;
}
