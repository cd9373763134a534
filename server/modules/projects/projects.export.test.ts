import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectListItem } from '../../../contracts/portfolio';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { anonymous } from '../accounts';
import { exportProjects } from './projects.export';

const header = [
  'Titel',
  'Aktenzeichen / Referenz',
  'Programm',
  'Handlungsfeld',
  'Status',
  'Federführung',
  'Region',
  'Beginn',
  'Ende',
  'Fördersumme (EUR)',
];

describe.each(testTargets)('project list exports on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let admin: Session;
  let probeProgrammeId: number;

  const get = (url: string, session?: Session) => ctx.app.inject({ url, headers: session?.headers ?? {} });
  const csvRows = (body: string): string[][] => parse(body, { delimiter: ';', bom: true });
  const list = async (query: string, session?: Session) => {
    const res = await get(`/api/projects?pageSize=200&${query}`, session);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: ProjectListItem[]; total: number };
  };
  const readXlsx = async (payload: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Projekte');
    if (!sheet) throw new Error('worksheet Projekte missing');
    return sheet;
  };
  const createProject = async (title: string, visibility: 'public' | 'internal' | 'restricted') => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: admin.headers,
      payload: { programmeId: probeProgrammeId, title, visibility, startDate: '2026-01-15' },
    });
    expect(res.statusCode).toBe(201);
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    await createTestUser(ctx.db, 'admin@export.example.org', [{ role: 'admin' }]);
    admin = await signIn(ctx.app, 'admin@export.example.org');
    const programme = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: admin.headers,
      payload: { slug: 'exportprobe', name: 'Exportprobe' },
    });
    probeProgrammeId = programme.json().id;
    await createProject('Exportprobe öffentlich', 'public');
    await createProject('Exportprobe intern', 'internal');
    await createProject('Exportprobe vertraulich', 'restricted');
    for (const title of ['=HYPERLINK("https://example.org";"Klick")', '@SUMME(1;2)', '+49 201 123', '-1+1']) {
      await createProject(title, 'public');
    }
  });
  afterAll(() => ctx?.close());

  it('exports the filtered list as CSV: the list total in rows, the list order, German cells', async () => {
    const query = 'q=Wasserstoff&sort=title';
    const { items, total } = await list(query);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(200);
    // page and pageSize of the list are ignored: the export holds every match.
    const res = await get(`/api/projects/export.csv?${query}&page=2&pageSize=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="standort-projekte-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(res.headers['x-export-truncated']).toBeUndefined();
    const [head, ...rows] = csvRows(res.body);
    expect(head).toEqual(header);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r[0])).toEqual(items.map((p) => p.title));
    const first = items[0] as ProjectListItem;
    const euros = `${Math.trunc(first.fundingTotalCents / 100)},${String(first.fundingTotalCents % 100).padStart(2, '0')}`;
    expect(rows[0]?.[2]).toBe(first.programme.name);
    expect(rows[0]?.[9]).toBe(euros);
    if (first.startDate) expect(rows[0]?.[7]).toBe(first.startDate.split('-').reverse().join('.'));
  });

  it('labels the status in German', async () => {
    const res = await get('/api/projects/export.csv?q=Exportprobe');
    const rows = csvRows(res.body).slice(1);
    expect(rows).toEqual([
      ['Exportprobe öffentlich', '', 'Exportprobe', '', 'Vorgeschlagen', '', '', '15.01.2026', '', '0,00'],
    ]);
  });

  it('exports XLSX that reads back with the list total in rows and euros as number cells', async () => {
    const erdf = (await list('q=Kl%C3%A4ranlage')).total;
    const res = await get('/api/projects/export.xlsx?q=Kl%C3%A4ranlage');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="standort-projekte-\d{4}-\d\d-\d\d\.xlsx"$/);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet.rowCount).toBe(1 + erdf);
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    const { items } = await list('q=Kl%C3%A4ranlage');
    const listed = items.reduce((sum, p) => sum + p.fundingTotalCents, 0) / 100;
    let exported = 0;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const money = sheet.getRow(r).getCell(10);
      expect(typeof money.value).toBe('number');
      expect(money.numFmt).toBe('#,##0.00 "€"');
      exported += money.value as number;
    }
    expect(exported).toBeCloseTo(listed, 2);
  });

  it('leaves out internal and restricted projects for anonymous callers, and shows them to an admin', async () => {
    const titles = async (session?: Session) => {
      const res = await get('/api/projects/export.csv?q=Exportprobe', session);
      return csvRows(res.body)
        .slice(1)
        .map((r) => r[0])
        .sort();
    };
    expect(await titles()).toEqual(['Exportprobe öffentlich']);
    expect(await titles(admin)).toEqual(['Exportprobe intern', 'Exportprobe vertraulich', 'Exportprobe öffentlich']);
    const xlsx = await readXlsx((await get('/api/projects/export.xlsx?q=Exportprobe')).rawPayload);
    expect(xlsx.rowCount).toBe(2);
  });

  it('defuses titles that a spreadsheet would run as formulas', async () => {
    const res = await get(`/api/projects/export.csv?programmeId=${probeProgrammeId}&sort=title`);
    const titles = csvRows(res.body)
      .slice(1)
      .map((r) => r[0]);
    expect(titles).toEqual(
      expect.arrayContaining([`'=HYPERLINK("https://example.org";"Klick")`, "'@SUMME(1;2)", "'+49 201 123", "'-1+1"]),
    );
    expect(titles.filter((t) => /^[=+\-@]/.test(t ?? ''))).toEqual([]);
    expect(res.body).toContain(`"'=HYPERLINK(""https://example.org"";""Klick"")"`);
  });

  it('cuts the export at the limit and says so', async () => {
    const cut = await exportProjects(ctx.db, anonymous, {}, 10);
    expect(cut.isTruncated).toBe(true);
    const rows = [];
    for await (const row of cut.rows) rows.push(row);
    expect(rows).toHaveLength(10);
    const whole = await exportProjects(ctx.db, anonymous, { q: 'Exportprobe' }, 10);
    expect(whole.isTruncated).toBe(false);
  });

  it('rejects a bad filter with 400 validation_failed naming the field', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await get(`/api/projects/export.${format}?status=bogus&regionId=abc`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-disposition']).toBeUndefined();
      const { error } = res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'querystring.regionId',
        'querystring.status',
      ]);
    }
  });
});
