/**
 * Lists as spreadsheet files: the one way every list is exported, as CSV or XLSX, streamed.
 *
 * - CSV is written for German Excel, which opens it on a double click: UTF-8 with a byte order
 *   mark (without it Excel reads ANSI and breaks umlauts), `;` between fields (the list separator
 *   of German Windows; `,` is the decimal mark there), CRLF line ends and `"` quotes (RFC 4180),
 *   numbers with a decimal comma and no thousands separator (`833851,95`), dates as `TT.MM.JJJJ`.
 *   Money is euros without the sign, the header names the currency. Text that a spreadsheet would
 *   run as a formula is defused with a leading apostrophe (`spreadsheetSafe`).
 * - XLSX (exceljs' streaming writer) has a bold, frozen header row with filters, number cells for
 *   numbers, money as euros formatted `#,##0.00 "€"`, dates as date cells (`dd.mm.yyyy`). Text is
 *   written as text cells, which spreadsheets never evaluate, so it needs no apostrophe.
 * - At most `EXPORT_ROW_LIMIT` rows go into a file; a longer list is cut and the reply carries
 *   `x-export-truncated: true`. The file is named `<stem>-<date in Berlin>.<format>`.
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The most rows one export file holds. */
export const EXPORT_ROW_LIMIT = 100_000;

type Getter<T, V> = (row: T) => V | null | undefined;

/**
 * One column: its German header, its kind and how to read its value from a row. `date` takes an
 * ISO date (`2026-11-22`; a longer ISO timestamp is cut to its date); `money_cents` integer cents.
 */
export type ExportColumn<T> = { header: string; width?: number } & (
  | { kind: 'text'; value: Getter<T, string> }
  | { kind: 'number' | 'money_cents'; value: Getter<T, number> }
  | { kind: 'date'; value: Getter<T, string> }
);

/** What a source returns: at most `limit` rows, fetched in pages, and whether more matched. */
export type ExportRows<T> = { rows: AsyncIterable<T>; isTruncated: boolean };

export type TableExport<T> = {
  format: ExportFormat;
  /** Start of the file name, lower case ASCII and dashes: `standort-projekte`. */
  fileStem: string;
  /** Name of the XLSX worksheet (at most 31 characters). */
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  /** Called once with the row limit, before anything is sent: errors here still answer as JSON. */
  source: (limit: number) => Promise<ExportRows<T>>;
  /** Lower than `EXPORT_ROW_LIMIT` in tests only. */
  limit?: number;
};

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Streams a list as a CSV or XLSX download; settles when the file has been sent.
 *
 * @example
 * (request, reply) => sendTableExport(reply, {
 *   format: 'xlsx',
 *   fileStem: 'standort-projekte',
 *   sheetName: 'Projekte',
 *   columns: [{ header: 'Titel', kind: 'text', value: (p) => p.title }],
 *   source: (limit) => exportProjects(db, request.actor, request.query, limit),
 * })
 */
export async function sendTableExport<T>(reply: FastifyReply, options: TableExport<T>): Promise<void> {
  const { format, fileStem, columns } = options;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(fileStem)) throw new Error(`Ungültiger Dateiname: ${fileStem}`);
  const limit = Math.min(options.limit ?? EXPORT_ROW_LIMIT, EXPORT_ROW_LIMIT);
  const { rows, isTruncated } = await options.source(limit);
  // The source caps its rows already; stopping here as well keeps one promise for every list.
  const capped = take(rows, limit);
  reply
    .type(contentTypes[format])
    .header('content-disposition', `attachment; filename="${fileStem}-${berlinDate(new Date())}.${format}"`)
    // Exports may hold internal records: no shared cache may keep them.
    .header('cache-control', 'private, no-store');
  if (isTruncated) reply.header('x-export-truncated', 'true');
  if (format === 'csv') {
    reply.send(Readable.from(csvChunks(columns, capped), { objectMode: false }));
  } else {
    const out = new PassThrough();
    writeXlsx(out, options.sheetName, columns, capped).catch((err: unknown) => out.destroy(err as Error));
    reply.send(out);
  }
  // A reply settles once the response has ended (or the download was cancelled): awaiting it, like
  // `return reply`, tells Fastify that the handler has answered.
  await reply;
}

async function* take<T>(rows: AsyncIterable<T>, limit: number): AsyncGenerator<T> {
  let count = 0;
  if (limit <= 0) return;
  for await (const row of rows) {
    yield row;
    if (++count >= limit) return;
  }
}

/** Today in Germany as `2026-11-22`. */
function berlinDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// --- CSV ---

const SEPARATOR = ';';
const LINE_END = '\r\n';
const CHUNK_CHARS = 64 * 1024;

/**
 * Defuses text a spreadsheet would run as a formula or command: a leading `=`, `+`, `-`, `@`
 * (also their full-width forms), tab, carriage return or NUL gets an apostrophe in front.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r\0＝＋－＠]/.test(text) ? `'${text}` : text;
}

/** One CSV field of text: made spreadsheet-safe, and quoted when it holds the separator, a quote or a line break. */
export function csvField(text: string, separator = SEPARATOR): string {
  const safe = spreadsheetSafe(text);
  return safe.includes(separator) || /["\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

async function* csvChunks<T>(columns: readonly ExportColumn<T>[], rows: AsyncIterable<T>): AsyncGenerator<string> {
  // Lines are gathered into chunks of about 64 KiB: one socket write per row would be slow.
  let chunk = `\uFEFF${columns.map((c) => csvField(c.header)).join(SEPARATOR)}${LINE_END}`;
  for await (const row of rows) {
    chunk += `${columns.map((c) => csvCell(c, row)).join(SEPARATOR)}${LINE_END}`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function csvCell<T>(column: ExportColumn<T>, row: T): string {
  switch (column.kind) {
    case 'text': {
      const text = column.value(row);
      return text == null ? '' : csvField(text);
    }
    case 'number': {
      const n = column.value(row);
      return n == null ? '' : String(n).replace('.', ',');
    }
    case 'money_cents': {
      const cents = column.value(row);
      if (cents == null) return '';
      const abs = Math.abs(Math.round(cents));
      return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
    }
    case 'date': {
      const date = isoDateParts(column.value(row));
      return date ? `${date.day}.${date.month}.${date.year}` : '';
    }
  }
}

function isoDateParts(value: string | null | undefined) {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? { year: match[1] as string, month: match[2] as string, day: match[3] as string } : null;
}

// --- XLSX ---

/** Excel refuses longer text in a cell. */
const XLSX_MAX_TEXT = 32_767;

const xlsxColumn: Record<ExportColumn<unknown>['kind'], Partial<ExcelJS.Column>> = {
  text: { width: 40 },
  number: { width: 12 },
  money_cents: { width: 18, style: { numFmt: '#,##0.00 "€"' } },
  date: { width: 12, style: { numFmt: 'dd.mm.yyyy' } },
};

async function writeXlsx<T>(
  out: PassThrough,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: AsyncIterable<T>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ ...xlsxColumn[c.kind], ...(c.width ? { width: c.width } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) {
    // The download was cancelled: stop reading rows (leaving the loop ends the source too).
    if (out.destroyed) return;
    sheet.addRow(columns.map((c) => xlsxCell(c, row))).commit();
    // A slow reader: wait before compressing more, so rows do not pile up in memory.
    if (out.writableNeedDrain) await drained(out);
  }
  if (out.destroyed) return;
  sheet.commit();
  await workbook.commit();
}

function xlsxCell<T>(column: ExportColumn<T>, row: T): string | number | Date | null {
  switch (column.kind) {
    case 'text':
      return column.value(row)?.slice(0, XLSX_MAX_TEXT) ?? null;
    case 'number':
      return column.value(row) ?? null;
    case 'money_cents': {
      const cents = column.value(row);
      return cents == null ? null : cents / 100;
    }
    case 'date': {
      const date = isoDateParts(column.value(row));
      // Excel dates have no time zone: UTC midnight is the calendar day itself.
      return date ? new Date(Date.UTC(Number(date.year), Number(date.month) - 1, Number(date.day))) : null;
    }
  }
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
