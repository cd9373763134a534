import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { csvField, type ExportColumn, exportFormats, sendTableExport, spreadsheetSafe } from './table-export';

type Row = { name: string | null; count: number | null; cents: number | null; on: string | null };

const columns: ExportColumn<Row>[] = [
  { header: 'Name', kind: 'text', value: (r) => r.name },
  { header: 'Anzahl', kind: 'number', value: (r) => r.count },
  { header: 'Betrag (EUR)', kind: 'money_cents', value: (r) => r.cents },
  { header: 'Datum', kind: 'date', value: (r) => r.on },
];

const rows: Row[] = [
  { name: 'Müller; Söhne "GmbH"', count: 3, cents: 123_456_789, on: '2026-11-22' },
  { name: '=HYPERLINK("https://example.org";"Klick")', count: 2.5, cents: -5, on: '2015-01-01T10:00:00Z' },
  { name: 'zwei\nZeilen', count: -7, cents: 0, on: null },
  { name: null, count: 0, cents: null, on: null },
];

/** An app with /export.csv and /export.xlsx over `data`; `pulled` counts the rows the export read. */
function exportApp(data: Row[], options: { limit?: number; isTruncated?: boolean } = {}) {
  const pulled = { count: 0 };
  async function* source() {
    for (const row of data) {
      pulled.count++;
      yield row;
    }
  }
  const app = Fastify();
  for (const format of exportFormats) {
    app.get(`/export.${format}`, (_request, reply) =>
      sendTableExport(reply, {
        format,
        fileStem: 'standort-probe',
        sheetName: 'Probe',
        columns,
        limit: options.limit,
        source: async () => ({ rows: source(), isTruncated: options.isTruncated ?? false }),
      }),
    );
  }
  apps.push(app);
  return { app, pulled };
}

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function readXlsx(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

describe('table export', () => {
  it('writes CSV for German Excel: BOM, semicolons, CRLF, decimal commas, German dates', async () => {
    const { app } = exportApp(rows);
    const res = await app.inject('/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="standort-probe-\d{4}-\d\d-\d\d\.csv"$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-export-truncated']).toBeUndefined();
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.slice(1).split('\r\n')).toEqual([
      'Name;Anzahl;Betrag (EUR);Datum',
      '"Müller; Söhne ""GmbH""";3;1234567,89;22.11.2026',
      `"'=HYPERLINK(""https://example.org"";""Klick"")";2,5;-0,05;01.01.2015`,
      '"zwei\nZeilen";-7;0,00;',
      ';0;;',
      '',
    ]);
  });

  it('writes XLSX with a bold frozen header, number cells, euros and date cells', async () => {
    const { app } = exportApp(rows);
    const res = await app.inject('/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="standort-probe-\d{4}-\d\d-\d\d\.xlsx"$/);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet.name).toBe('Probe');
    expect(sheet.rowCount).toBe(1 + rows.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'Name', 'Anzahl', 'Betrag (EUR)', 'Datum']);
    expect(header.getCell(1).font?.bold).toBe(true);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Müller; Söhne "GmbH"');
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(3).value).toBe(1_234_567.89);
    expect(first.getCell(3).numFmt).toBe('#,##0.00 "€"');
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2026, 10, 22)));
    expect(first.getCell(4).numFmt).toBe('dd.mm.yyyy');
    // Text that looks like a formula stays text: a text cell is never evaluated.
    const second = sheet.getRow(3);
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(1).value).toBe('=HYPERLINK("https://example.org";"Klick")');
    expect(second.getCell(3).value).toBe(-0.05);
    expect(sheet.getRow(4).getCell(4).value).toBeNull();
    expect(sheet.getRow(5).getCell(1).value).toBeNull();
    expect(sheet.getRow(5).getCell(2).value).toBe(0);
  });

  it.each(exportFormats)('stops at the row limit, reads no further and says so (%s)', async (format) => {
    const { app, pulled } = exportApp(rows, { limit: 2, isTruncated: true });
    const res = await app.inject(`/export.${format}`);
    expect(res.headers['x-export-truncated']).toBe('true');
    expect(pulled.count).toBe(2);
    const lines = format === 'csv' ? res.body.trim().split('\r\n').length : (await readXlsx(res.rawPayload)).rowCount;
    expect(lines).toBe(3);
  });

  it('streams a long list into a valid workbook', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      name: `Projekt ${i}`,
      count: i,
      cents: i * 101,
      on: '2020-02-29',
    }));
    const { app } = exportApp(many);
    const sheet = await readXlsx((await app.inject('/export.xlsx')).rawPayload);
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getRow(20_001).getCell(3).value).toBe(19_999 * 1.01);
  });

  it('answers with an error, not a file, when the source fails before the first row', async () => {
    const app = Fastify();
    apps.push(app);
    app.get('/export.csv', (_request, reply) =>
      sendTableExport(reply, {
        format: 'csv',
        fileStem: 'standort-probe',
        sheetName: 'Probe',
        columns,
        source: () => Promise.reject(new Error('Datenbank weg')),
      }),
    );
    const res = await app.inject('/export.csv');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('defuses formulas: a leading = + - @ tab, CR or NUL gets an apostrophe', () => {
    for (const text of ['=1+1', '+49 201 123', '-2+3', '@SUMME(A1)', '\tx', '\rx', '\0x', '＝1']) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
    for (const text of ['Essen', '1+1=2', 'E-Mobilität', '', "'schon'"]) expect(spreadsheetSafe(text)).toBe(text);
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('-1;2')).toBe(`"'-1;2"`);
  });
});
