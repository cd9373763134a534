import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../../../contracts/portfolio';
import { organisations, programmes, projects } from '../../db/schema';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

describe.each(testTargets)('editing the portfolio on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let ruhr: number;
  let erdf: number;
  let office: Session;
  let ruhrOffice: Session;
  let member: Session;
  let staff: Session;
  let admin: Session;
  let westfalen: ProjectDetail;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, session?: Session, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const ids = await ctx.db.select({ id: programmes.id, slug: programmes.slug }).from(programmes);
    ruhr = ids.find((p) => p.slug === 'ruhr-konferenz')?.id as number;
    erdf = ids.find((p) => p.slug === 'efre-nrw-2007-2013')?.id as number;
    const [dortmund] = await ctx.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, 'Wirtschaftsförderung Dortmund'));
    await createTestUser(ctx.db, 'office@example.org', [{ role: 'programme_office' }]);
    await createTestUser(ctx.db, 'ruhr@example.org', [{ role: 'programme_office', programmeId: ruhr }]);
    await createTestUser(ctx.db, 'member@example.org', [{ role: 'organisation_member', organisationId: dortmund?.id }]);
    await createTestUser(ctx.db, 'staff@example.org', [{ role: 'funding_officer' }]);
    await createTestUser(ctx.db, 'admin@example.org', [{ role: 'admin' }]);
    const signed = await Promise.all(
      ['office', 'ruhr', 'member', 'staff', 'admin'].map((n) => signIn(ctx.app, `${n}@example.org`)),
    );
    [office, ruhrOffice, member, staff, admin] = signed as [Session, Session, Session, Session, Session];
    const list = await call('GET', '/api/projects?q=RegionWestfalen');
    westfalen = (await call('GET', `/api/projects/${list.json().items[0].id}`)).json();
  });
  afterAll(() => ctx?.close());

  it('refuses anonymous writes with 401 and writes outside the role with 403', async () => {
    const body = { programmeId: erdf, title: 'Neues Vorhaben' };
    expect((await call('POST', '/api/projects', undefined, body)).json().error.code).toBe('unauthenticated');
    expect((await call('POST', '/api/projects', member, body)).json().error.code).toBe('forbidden');
    expect((await call('POST', '/api/projects', ruhrOffice, body)).json().error.code).toBe('forbidden');
  });

  it('lets the programme office create a project with its first dated status', async () => {
    const res = await call('POST', '/api/projects', ruhrOffice, {
      programmeId: ruhr,
      title: 'Ruhr-Testprojekt Wasserstoffquartier',
      status: 'under_review',
      visibility: 'internal',
    });
    expect(res.statusCode).toBe(201);
    const project = res.json() as ProjectDetail;
    expect(project).toMatchObject({ status: 'under_review', version: 1, visibility: 'internal' });
    expect(project.statusHistory).toEqual([expect.objectContaining({ status: 'under_review', comment: 'Angelegt' })]);
    expect(project.provenance).toMatchObject({ kind: 'manual' });
    const found = await call('GET', '/api/projects?q=Wasserstoffquartier', staff);
    expect(found.json().total).toBe(1);
  });

  it('rejects bad input naming the field and changes nothing', async () => {
    const [before] = await ctx.db.select({ n: projects.id }).from(projects).orderBy(projects.id).limit(1);
    const res = await call('POST', '/api/projects', office, { programmeId: ruhr, title: '', endDate: '2020-13-01' });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['body.endDate', 'body.title']);
    const wrongField = await call('POST', '/api/projects', office, {
      programmeId: ruhr,
      title: 'X',
      fieldOfActionId: 1,
    });
    expect(wrongField.json().error.details.fields[0]).toEqual({
      field: 'body.fieldOfActionId',
      reason: 'gehört nicht zu diesem Programm',
    });
    const [after] = await ctx.db.select({ n: projects.id }).from(projects).orderBy(projects.id).limit(1);
    expect(after).toEqual(before);
  });

  it('changes a status, dated and with a comment, and records it in the audit log', async () => {
    const res = await call('POST', `/api/projects/${westfalen.id}/status`, office, {
      version: westfalen.version,
      status: 'completed',
      changedOn: '2026-11-20',
      comment: 'Abschlussbericht eingegangen',
    });
    expect(res.statusCode).toBe(201);
    const project = res.json() as ProjectDetail;
    expect(project.status).toBe('completed');
    expect(project.statusHistory.at(-1)).toMatchObject({
      status: 'completed',
      changedOn: '2026-11-20',
      comment: 'Abschlussbericht eingegangen',
    });
    const audit = await call('GET', `/api/audit?entityType=project&entityId=${westfalen.id}`, admin);
    expect(audit.json().items[0]).toMatchObject({
      action: 'status_change',
      actorName: 'office',
      before: { status: 'in_progress' },
      after: { status: 'completed' },
    });
    westfalen = project;
  });

  it('answers a stale version with 409 conflict and never overwrites silently', async () => {
    const first = await call('PATCH', `/api/projects/${westfalen.id}`, office, {
      version: westfalen.version,
      summary: 'Neue Zusammenfassung',
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('PATCH', `/api/projects/${westfalen.id}`, office, {
      version: westfalen.version,
      summary: 'Überschreibt nicht',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { currentVersion: westfalen.version + 1 } });
    const now = (await call('GET', `/api/projects/${westfalen.id}`)).json();
    expect(now.summary).toBe('Neue Zusammenfassung');
    westfalen = now;
  });

  it('keeps restricted projects to the programme office and the organisations taking part', async () => {
    const res = await call('PATCH', `/api/projects/${westfalen.id}`, office, {
      version: westfalen.version,
      visibility: 'restricted',
    });
    expect(res.statusCode).toBe(200);
    const anonymousList = await call('GET', '/api/projects?q=RegionWestfalen');
    expect(anonymousList.json()).toEqual({ items: [], total: 0, isTotalCapped: false });
    expect((await call('GET', `/api/projects/${westfalen.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/projects/${westfalen.id}`, staff)).statusCode).toBe(404);
    expect((await call('GET', `/api/projects/${westfalen.id}`, ruhrOffice)).statusCode).toBe(404);
    expect((await call('GET', `/api/projects/${westfalen.id}`, member)).statusCode).toBe(200);
    expect((await call('GET', `/api/projects/${westfalen.id}`, office)).statusCode).toBe(200);
    const regio = (await call('GET', '/api/programmes'))
      .json()
      .items.find((p: { slug: string }) => p.slug === 'regio-nrw-transformation');
    expect(regio).toMatchObject({ projectCount: 0, fundingTotalCents: 0 });
  });

  it('hides an internal programme and everything in it from the public', async () => {
    const before = (await call('GET', `/api/programmes/${ruhr}`, office)).json();
    const res = await call('PATCH', `/api/programmes/${ruhr}`, office, {
      version: before.version,
      visibility: 'internal',
    });
    expect(res.statusCode).toBe(200);
    expect((await call('GET', `/api/programmes/${ruhr}`)).statusCode).toBe(404);
    expect((await call('GET', '/api/programmes')).json().items.map((p: { slug: string }) => p.slug)).not.toContain(
      'ruhr-konferenz',
    );
    expect((await call('GET', '/api/projects?q=Familiengrundschulzentren')).json().total).toBe(0);
    expect((await call('GET', '/api/projects?q=Familiengrundschulzentren', staff)).json().total).toBe(1);
    const stale = await call('PATCH', `/api/programmes/${ruhr}`, office, {
      version: before.version,
      visibility: 'public',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets an unscoped programme office create programmes and fields of action', async () => {
    const created = await call('POST', '/api/programmes', office, {
      slug: 'test-programm',
      name: 'Testprogramm',
      periodStart: '2026-01-01',
      periodEnd: '2025-01-01',
    });
    expect(created.json().error.details.fields[0].field).toBe('body.periodEnd');
    const ok = await call('POST', '/api/programmes', office, { slug: 'test-programm', name: 'Testprogramm' });
    expect(ok.statusCode).toBe(201);
    expect((await call('POST', '/api/programmes', ruhrOffice, { slug: 'anderes', name: 'Nein' })).statusCode).toBe(403);
    const field = await call('POST', `/api/programmes/${ok.json().id}/fields-of-action`, office, {
      name: 'Digitalisierung',
    });
    expect(field.json()).toMatchObject({ name: 'Digitalisierung', position: 1, projectCount: 0 });
    const duplicate = await call('POST', `/api/programmes/${ok.json().id}/fields-of-action`, office, {
      name: 'Digitalisierung',
    });
    expect(duplicate.statusCode).toBe(409);
    const renamed = await call('PATCH', `/api/fields-of-action/${field.json().id}`, office, {
      name: 'Digitale Transformation',
    });
    expect(renamed.json().name).toBe('Digitale Transformation');
  });
});
