import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport, ReportComparison, ReportFigure, ReportSnapshotDetail } from '../../../contracts/reports';
import { auditLog, programmes, projects } from '../../db/schema';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { canonicalJson, reportSha256 } from './snapshots.service';

const MIO = 1_000_000 * 100;

/** Pages of a PDF: its page objects (not the /Pages tree). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe.each(testTargets)('progress reports on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let ruhr: number;
  let office: Session;
  let officer: Session;

  const get = async (url: string, session?: Session) => {
    const res = await ctx.app.inject({ url, headers: session?.headers ?? {} });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const file = async (url: string) => {
    const res = await ctx.app.inject(url);
    return { status: res.statusCode, body: res.rawPayload, headers: res.headers };
  };
  const freeze = async (payload: Record<string, unknown>, session: Session | null = office, programmeId = ruhr) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/programmes/${programmeId}/reports`,
      headers: session?.headers ?? {},
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const figure = (report: ProgressReport, metric: string) =>
    report.reportedFigures.find((f) => f.metric === metric) as ReportFigure;
  const projectId = async (title: string) => {
    const [row] = await ctx.db.select({ id: projects.id }).from(projects).where(eq(projects.title, title));
    return row?.id as number;
  };
  const changeStatus = async (id: number, status: string, changedOn: string) => {
    const { body } = await get(`/api/projects/${id}`, office);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/status`,
      headers: office.headers,
      payload: { version: body.version, status, changedOn },
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.slug, 'ruhr-konferenz'));
    ruhr = programme?.id as number;
    await createTestUser(ctx.db, 'buero@reports.example.org', [{ role: 'programme_office', programmeId: ruhr }]);
    await createTestUser(ctx.db, 'foerderung@reports.example.org', [{ role: 'funding_officer' }]);
    office = await signIn(ctx.app, 'buero@reports.example.org');
    officer = await signIn(ctx.app, 'foerderung@reports.example.org');
  });
  afterAll(() => ctx?.close());

  it('reproduces the Ruhr-Konferenz report of 7 December 2021: tracked figures next to the reported ones', async () => {
    const { status, body } = await get(`/api/programmes/${ruhr}/report?asOf=2021-12-07`);
    expect(status).toBe(200);
    const report = body as ProgressReport;
    expect(report.programme.name).toBe('Ruhr-Konferenz');
    // The demo data holds the eight projects the press release names; two partner projects are
    // "umgesetzt" without a date, the others have no published status.
    expect(report.headline).toMatchObject({
      projects: 8,
      inProgress: 2,
      completed: 0,
      underReview: 0,
      withoutStatus: 6,
      plannedCents: 75 * MIO,
      committedCents: 0,
      disbursedCents: 0,
      fundingCents: 75 * MIO,
    });
    // Reported: 73 projects, 55 under way, 1 completed, 17 under review, 136 Mio. € state money.
    const side = (metric: string) => {
      const f = figure(report, metric);
      return [f.value, f.tracked, f.difference];
    };
    expect(side('projects.total')).toEqual([73, 8, -65]);
    expect(side('projects.status.in_progress')).toEqual([55, 2, -53]);
    expect(side('projects.status.completed')).toEqual([1, 0, -1]);
    expect(side('projects.status.under_review')).toEqual([17, 0, -17]);
    expect(side('funding.state.disbursed')).toEqual([136 * MIO, 0, -136 * MIO]);
    expect(side('funding.state.planned')).toEqual([75 * MIO, 75 * MIO, 0]);
    expect(figure(report, 'context.federal_coal_exit')).toMatchObject({ value: 662 * MIO, tracked: null });
    expect(report.byFieldOfAction.map((f) => [f.name, f.projects])).toEqual([
      ['Vernetzte Mobilität – kurze Wege', 2],
      ['Erfolgreiche Wirtschaft – gute Arbeit', 1],
      ['Gelebte Vielfalt – starker Zusammenhalt', 1],
      ['Sichere Energie – gesunde Umwelt', 1],
      ['Beste Bildung – exzellente Forschung', 2],
      [null, 1],
    ]);
    expect(report.bySource).toEqual([
      { source: 'state', plannedCents: 75 * MIO, committedCents: 0, disbursedCents: 0 },
    ]);
  });

  it('leaves out figures published after the date', async () => {
    const { body } = await get(`/api/programmes/${ruhr}/report?asOf=2021-12-06`);
    expect((body as ProgressReport).reportedFigures).toEqual([]);
  });

  it('reads a status as of the date from the dated changes', async () => {
    const admin = office;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: admin.headers,
      payload: { programmeId: ruhr, title: 'Stichtagsprojekt', startDate: '2021-01-15', status: 'proposed' },
    });
    const id = res.json().id as number;
    await changeStatus(id, 'under_review', '2021-03-01');
    await changeStatus(id, 'in_progress', '2022-01-10');
    const statusOn = async (asOf: string) => {
      const { body } = await get(`/api/programmes/${ruhr}/report?asOf=${asOf}`);
      return (body as ProgressReport).projects.find((p) => p.id === id);
    };
    expect(await statusOn('2020-12-31')).toBeUndefined();
    expect(await statusOn('2021-02-01')).toMatchObject({ status: null, statusSince: null });
    expect(await statusOn('2021-12-07')).toMatchObject({ status: 'under_review', statusSince: '2021-03-01' });
    expect(await statusOn('2022-02-01')).toMatchObject({ status: 'in_progress', statusSince: '2022-01-10' });
    await ctx.db.delete(projects).where(eq(projects.id, id));
  });

  it('sends the report as a PDF with one page object per numbered page', async () => {
    const res = await file(`/api/programmes/${ruhr}/report.pdf?asOf=2021-12-07`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('fortschrittsbericht-ruhr-konferenz-2021-12-07.pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(res.headers['x-page-count']);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdfPageCount(res.body)).toBe(pages);
  });

  it('sends the report as an XLSX with one sheet per section and numbers as numbers', async () => {
    const res = await file(`/api/programmes/${ruhr}/report.xlsx?asOf=2021-12-07`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Übersicht',
      'Status',
      'Handlungsfelder',
      'Mittel',
      'Projekte',
      'Gemeldete Zahlen',
      'Änderungen',
    ]);
    const projectsSheet = workbook.getWorksheet('Projekte') as ExcelJS.Worksheet;
    expect(projectsSheet.rowCount).toBe(9);
    const figures = workbook.getWorksheet('Gemeldete Zahlen') as ExcelJS.Worksheet;
    const state = figures
      .getSheetValues()
      .find((row) => Array.isArray(row) && String(row[1]).startsWith('Landesmittel')) as ExcelJS.CellValue[];
    expect(state.slice(1, 6)).toEqual([
      'Landesmittel, die in die Projekte der Ruhr-Konferenz geflossen sind',
      'genau',
      136_000_000,
      0,
      -136_000_000,
    ]);
    const money = workbook.getWorksheet('Mittel') as ExcelJS.Worksheet;
    const row = money.getRow(2);
    expect([1, 2, 3, 4].map((c) => row.getCell(c).value)).toEqual(['Land', 'geplant', null, 75_000_000]);
    expect(row.getCell(4).numFmt).toBe('#,##0.00 "€"');
  });

  it('freezes version 1 and 2, compares them after a status change, and never changes a snapshot', async () => {
    const first = await freeze({ asOf: '2021-12-07', note: 'Kabinett 7.12.2021' });
    expect(first.status).toBe(201);
    const v1 = first.body as ReportSnapshotDetail;
    expect(v1).toMatchObject({ version: 1, asOf: '2021-12-07', frozenBy: { name: 'buero' } });
    expect(v1.title).toBe('Fortschrittsbericht Ruhr-Konferenz zum 07.12.2021');
    expect(v1.sha256).toBe(reportSha256(v1.data));
    expect(v1.data.changes).toBeNull();

    await changeStatus(await projectId('Start4Chem-Labs'), 'in_progress', '2021-06-01');
    const second = await freeze({ asOf: '2021-12-07', title: 'Fortschrittsbericht 2021 (korrigiert)' });
    const v2 = second.body as ReportSnapshotDetail;
    expect(v2).toMatchObject({ version: 2, title: 'Fortschrittsbericht 2021 (korrigiert)' });
    expect(v2.data.changes?.previous).toMatchObject({ id: v1.id, version: 1 });

    const { body } = await get(`/api/reports/${v1.id}/compare/${v2.id}`);
    const comparison = body as ReportComparison;
    expect(comparison.diff.statusChanges).toEqual([
      { projectId: await projectId('Start4Chem-Labs'), title: 'Start4Chem-Labs', from: null, to: 'in_progress' },
    ]);
    expect(comparison.diff.headline.find((h) => h.metric === 'inProgress')).toEqual({
      metric: 'inProgress',
      previous: 2,
      current: 3,
      difference: 1,
    });

    // The first snapshot still says what it said, byte for byte of its canonical JSON.
    const stored = (await get(`/api/reports/${v1.id}`)).body as ReportSnapshotDetail;
    expect(stored.data.headline.inProgress).toBe(2);
    expect(canonicalJson(stored.data)).toBe(canonicalJson(v1.data));
    await expect(
      ctx.db.execute(sql`update report_snapshots set title = 'geändert' where id = ${v1.id}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from report_snapshots where id = ${v1.id}`)).rejects.toThrow();

    const list = (await get(`/api/programmes/${ruhr}/reports`)).body;
    expect(list.items.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityType, 'report_snapshot'));
    expect(audit.map((a) => a.action)).toEqual(['freeze', 'freeze']);

    // A frozen report's files come from its stored data, not from today's.
    const pdf = await file(`/api/reports/${v1.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('-v1.pdf');
    const xlsx = await file(`/api/reports/${v1.id}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const status = workbook.getWorksheet('Status') as ExcelJS.Worksheet;
    expect(status.getRow(4).values).toEqual([undefined, 'In Umsetzung', 2]);
  });

  it('hides a snapshot holding internal projects from anonymous readers', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: office.headers,
      payload: { programmeId: ruhr, title: 'Internes Vorhaben', visibility: 'internal', startDate: '2021-01-01' },
    });
    const internal = (await freeze({ asOf: '2021-12-31' })).body as ReportSnapshotDetail;
    expect(internal.visibility).toBe('internal');
    expect((await get(`/api/reports/${internal.id}`)).status).toBe(404);
    expect((await get(`/api/reports/${internal.id}`, officer)).status).toBe(200);
    const anonymousList = (await get(`/api/programmes/${ruhr}/reports`)).body;
    expect(anonymousList.items.map((s: { id: number }) => s.id)).not.toContain(internal.id);
    const live = (await get(`/api/programmes/${ruhr}/report?asOf=2021-12-31`)).body as ProgressReport;
    expect(live.projects.map((p) => p.title)).not.toContain('Internes Vorhaben');
    await ctx.db.delete(projects).where(eq(projects.id, created.json().id));
  });

  it('rejects a bad date with 400 naming querystring.asOf', async () => {
    for (const url of [
      `/api/programmes/${ruhr}/report?asOf=7.12.2021`,
      `/api/programmes/${ruhr}/report.pdf?asOf=2021-13-01`,
    ]) {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.fields[0].field).toBe('querystring.asOf');
    }
    const { status, body } = await freeze({ asOf: 'gestern' });
    expect(status).toBe(400);
    expect(body.error.details.fields[0].field).toBe('body.asOf');
  });

  it('answers 404 for an unknown programme or snapshot', async () => {
    for (const url of [
      '/api/programmes/999999/report',
      '/api/programmes/999999/report.pdf',
      '/api/programmes/999999/report.xlsx',
      '/api/programmes/999999/reports',
      '/api/reports/999999',
      '/api/reports/999999.pdf',
      '/api/reports/999999/compare/999998',
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
    expect((await freeze({ asOf: '2021-12-07' }, office, 999999)).status).toBe(404);
  });

  it('lets only the programme office freeze: 401 anonymous, 403 other staff', async () => {
    expect((await freeze({ asOf: '2021-12-07' }, null)).status).toBe(401);
    const { status, body } = await freeze({ asOf: '2021-12-07' }, officer);
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });
});
