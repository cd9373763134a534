import { setTimeout as sleep } from 'node:timers/promises';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFile, ImportJob } from '../../../contracts/grant-import';
import { grants } from '../../db/schema';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

const csv = [
  'Programm;Projektnummer;Projekttitel;Förderkennzeichen;Fördergeber;Zuwendungsempfänger;Quelle;Art;Betrag;Jahr',
  'ruhr-konferenz;API-P1;Kreislaufwirtschaft Ruhr;API-001;Land NRW;Kreislauf Ruhr GmbH;EFRE;bewilligt;1.000,00;2024',
  'ruhr-konferenz;API-P1;Kreislaufwirtschaft Ruhr;API-001;Land NRW;Kreislauf Ruhr GmbH;Land;bewilligt;500,00;2024',
].join('\n');

describe.each(testTargets)('grant import API on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let officer: Session;
  let otherOfficer: Session;
  let member: Session;

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    await createTestUser(ctx.db, 'foerderung@example.org', [{ role: 'funding_officer' }]);
    await createTestUser(ctx.db, 'foerderung2@example.org', [{ role: 'funding_officer' }]);
    await createTestUser(ctx.db, 'mitglied@example.org', [{ role: 'organisation_member' }]);
    officer = await signIn(ctx.app, 'foerderung@example.org');
    otherOfficer = await signIn(ctx.app, 'foerderung2@example.org');
    member = await signIn(ctx.app, 'mitglied@example.org');
  });
  afterAll(() => ctx?.close());

  const upload = async (who: Session, body: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/imports/files?name=foerderungen.csv',
      headers: { ...who.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const start = async (who: Session, payload: object) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/imports/grants', headers: who.headers, payload });
    return { status: res.statusCode, body: res.json() };
  };
  const finished = async (who: Session, jobId: string): Promise<ImportJob> => {
    for (let i = 0; i < 300; i++) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: who.headers });
      expect(res.statusCode).toBe(200);
      const job = res.json() as ImportJob;
      if (job.state === 'succeeded' || job.state === 'failed') return job;
      await sleep(50);
    }
    throw new Error('job did not finish');
  };
  const grantCount = async () => (await ctx.db.select({ n: count() }).from(grants))[0]?.n ?? 0;

  it('uploads a file: headers, preview and a suggested mapping', async () => {
    const res = await upload(officer, csv);
    expect(res.status).toBe(201);
    const file = res.body as ImportFile;
    expect(file).toMatchObject({ fileName: 'foerderungen.csv', format: 'csv' });
    expect(file.headers).toHaveLength(10);
    expect(file.preview[0]?.[0]).toBe('ruhr-konferenz');
    expect(file.suggestedMapping.columns).toMatchObject({ amount: 'Betrag', recipient: 'Zuwendungsempfänger' });
  });

  it('dry-runs, then commits as jobs that report progress and finish', async () => {
    const file = (await upload(officer, csv)).body as ImportFile;
    const mapping = { columns: file.suggestedMapping.columns };
    const before = await grantCount();
    const dry = await start(officer, { fileId: file.fileId, mapping, dryRun: true });
    expect(dry.status).toBe(202);
    const dryJob = await finished(officer, dry.body.jobId);
    expect(dryJob).toMatchObject({
      state: 'succeeded',
      phase: 'done',
      dryRun: true,
      summary: { grants: 1, lines: 2, projects: { new: 1, existing: 0 } },
    });
    expect(await grantCount()).toBe(before);
    const commit = await start(officer, { fileId: file.fileId, mapping, dryRun: false });
    const job = await finished(officer, commit.body.jobId);
    expect(job).toMatchObject({ state: 'succeeded', dryRun: false, done: 2, total: 2, errors: { total: 0 } });
    expect(await grantCount()).toBe(before + 1);
    const programmeId = job.summary?.programmes[0]?.id;
    const list = await ctx.app.inject({ method: 'GET', url: `/api/grants?programmeId=${programmeId}&q=API-001` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ reference: 'API-001', amountCents: 1_500_00 }] });
  });

  it('reports bad rows through the job, page by page', async () => {
    const bad = `${csv.split('\n')[0]}\n${Array.from({ length: 3 }, (_, i) => `ruhr-konferenz;API-P9;T;API-9${i};Land;Firma;Lotto;bewilligt;1,00;2024`).join('\n')}`;
    const file = (await upload(officer, bad)).body as ImportFile;
    const res = await start(officer, { fileId: file.fileId, mapping: { columns: file.suggestedMapping.columns } });
    const job = await finished(officer, res.body.jobId);
    expect(job.state).toBe('failed');
    expect(job.errors.total).toBe(3);
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/api/imports/jobs/${res.body.jobId}?page=2&pageSize=2`,
      headers: officer.headers,
    });
    expect(page.json().errors).toEqual({
      items: [{ row: 4, field: 'Quelle', reason: 'Quelle „Lotto“ ist unbekannt' }],
      total: 3,
    });
  });

  it('rejects a mapping without an amount column, or with a column the file lacks, with 400 naming the field', async () => {
    const file = (await upload(officer, csv)).body as ImportFile;
    const { amount: _amount, ...columns } = file.suggestedMapping.columns;
    const missing = await start(officer, { fileId: file.fileId, mapping: { columns } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(
      'body.mapping.columns.amount',
    );
    const wrong = await start(officer, { fileId: file.fileId, mapping: { columns: { ...columns, amount: 'Summe' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields).toEqual([
      { field: 'mapping.columns.amount', reason: 'Spalte „Summe“ gibt es in der Datei nicht' },
    ]);
  });

  it('refuses members with 403 and answers 404 for another user’s file or job', async () => {
    expect((await upload(member, csv)).status).toBe(403);
    expect((await start(member, { fileId: crypto.randomUUID(), mapping: { columns: {} } })).status).toBe(403);
    const file = (await upload(officer, csv)).body as ImportFile;
    const mapping = { columns: file.suggestedMapping.columns };
    expect((await start(otherOfficer, { fileId: file.fileId, mapping })).status).toBe(404);
    const { body } = await start(officer, { fileId: file.fileId, mapping });
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/api/imports/jobs/${body.jobId}`,
      headers: otherOfficer.headers,
    });
    expect(other.statusCode).toBe(404);
    await finished(officer, body.jobId);
  });

  it('refuses an anonymous upload with 401', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/imports/files',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(401);
  });
});
