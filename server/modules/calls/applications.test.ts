import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../contracts/calls';
import { todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Applications to a call: submission with eligibility checks, the states and who may move them,
// and the approval that creates the project and its grant in one transaction.

const shift = (days: number) => {
  const d = new Date(`${todayInGermany()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const year = Number(todayInGermany().slice(0, 4));

describe.each(testTargets)('applications on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let officer: Session;
  let dortmundMember: Session;
  let otherMember: Session;
  let programmeId: number;
  let openCall: number;
  let closedCall: number;
  /** The five agencies of RegionWestfalen: Dortmund (lead), Bochum, Hagen, Hamm, Kreis Unna. */
  let agencies: number[];
  let company: { id: number; name: string };
  let outside: { id: number; name: string };
  const call = async (method: 'GET' | 'POST', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const orgId = async (name: string) =>
    (await call('GET', `/api/organisations?q=${encodeURIComponent(name)}`)).body.items[0].id as number;
  const application = (extra: object = {}) => ({
    title: 'In|Die RegionWestfalen: Kompetenzregion für grüne Produktion',
    summary: 'Informieren, Coachen, Vernetzen, Transfer',
    leadOrganisationId: agencies[0],
    requestedCents: 360_000_000,
    periodStart: shift(30),
    periodEnd: shift(30 + 3 * 365),
    partners: (agencies as number[]).map((organisationId) => ({ organisationId, requestedCents: 72_000_000 })),
    ...extra,
  });
  const submit = (payload: object, who = dortmundMember, callId = openCall) =>
    call('POST', `/api/calls/${callId}/applications`, who, payload);
  const move = (id: number, who: Session, payload: object) =>
    call('POST', `/api/applications/${id}/transitions`, who, payload);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const [regio] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'regio-nrw-transformation'`,
    );
    programmeId = Number(regio?.id);
    agencies = [];
    for (const name of [
      'Wirtschaftsförderung Dortmund',
      'Wirtschaftsförderung Bochum',
      'Wirtschaftsförderung Hagen',
      'Wirtschaftsförderung Hamm',
      'Wirtschaftsförderung Kreis Unna',
    ]) {
      agencies.push(await orgId(name));
    }
    company = (await call('GET', '/api/organisations?type=company&pageSize=1')).body.items[0];
    const [agencyOutside] = await queryRows<{ id: number; name: string }>(
      ctx.db,
      sql`select o.id, o.name from organisations o join regions r on r.id = o.region_id
        where o.visibility = 'public' and r.country = 'DE' and r.path not like (
          select path || '%' from regions where level = 'admin_district' and name = 'Arnsberg')
        order by (o.type = 'development_agency') desc, o.name limit 1`,
    );
    outside = { id: Number(agencyOutside?.id), name: String(agencyOutside?.name) };
    await createTestUser(ctx.db, 'officer@apply.example.org', [{ role: 'funding_officer', programmeId }]);
    await createTestUser(ctx.db, 'dortmund@apply.example.org', [
      { role: 'organisation_member', organisationId: agencies[0] },
    ]);
    await createTestUser(ctx.db, 'other@apply.example.org', [
      { role: 'organisation_member', organisationId: company.id },
    ]);
    officer = await signIn(ctx.app, 'officer@apply.example.org');
    dortmundMember = await signIn(ctx.app, 'dortmund@apply.example.org');
    otherMember = await signIn(ctx.app, 'other@apply.example.org');
    const arnsberg = (await call('GET', '/api/regions?q=Arnsberg&level=admin_district')).body.items[0].id;
    const base = {
      programmeId,
      funderName: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW',
      budgetCents: 1_000_000_000,
      eligibleTypes: ['development_agency'],
      eligibleRegionIds: [arnsberg],
    };
    openCall = (
      await call('POST', '/api/calls', officer, {
        ...base,
        slug: 'transformation-offen',
        title: 'Transformation',
        opensOn: shift(-5),
        closesOn: shift(20),
      })
    ).body.id;
    closedCall = (
      await call('POST', '/api/calls', officer, {
        ...base,
        slug: 'transformation-vorbei',
        title: 'Transformation (vorbei)',
        opensOn: shift(-50),
        closesOn: shift(-1),
      })
    ).body.id;
  });
  afterAll(() => ctx?.close());

  it('submits an application of a consortium with a dated first entry in its history', async () => {
    const res = await submit(application());
    expect(res.status).toBe(201);
    const detail: ApplicationDetail = res.body;
    expect(detail).toMatchObject({
      state: 'submitted',
      requestedCents: 360_000_000,
      lead: { id: agencies[0] },
      partnerCount: 5,
      submittedBy: 'dortmund',
      allowedTransitions: ['withdrawn'],
      grantId: null,
      version: 1,
    });
    expect(detail.partners[0]).toMatchObject({ organisationId: agencies[0], role: 'lead', requestedCents: 72_000_000 });
    expect(detail.transitions).toEqual([expect.objectContaining({ from: null, to: 'submitted', by: 'dortmund' })]);
  });

  it('refuses ineligible partners by name, amounts that do not add up and a lead missing from the consortium', async () => {
    const bad = await submit(
      application({
        requestedCents: 360_000_000,
        partners: [
          { organisationId: agencies[0], requestedCents: 200_000_000 },
          { organisationId: company.id, requestedCents: 100_000_000 },
          { organisationId: outside.id, requestedCents: 50_000_000 },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.fields as { field: string; reason: string }[];
    expect(fields.map((f) => f.field)).toEqual([
      'body.partners',
      'body.partners.1.organisationId',
      'body.partners.2.organisationId',
    ]);
    expect(fields[0]?.reason).toBe('Die Beträge der Partner ergeben 3.500.000,00 €, beantragt sind 3.600.000,00 €');
    expect(fields[1]?.reason).toContain(company.name);
    expect(fields[1]?.reason).toContain('Art „Unternehmen“ ist nicht antragsberechtigt');
    expect(fields[2]?.reason).toContain(outside.name);
    expect(fields[2]?.reason).toContain('außerhalb der förderfähigen Regionen');
    const noLead = await submit(
      application({ partners: [{ organisationId: agencies[1], requestedCents: 360_000_000 }] }),
    );
    expect(noLead.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.partners' }));
    const period = await submit(application({ periodStart: shift(10), periodEnd: shift(5) }));
    expect(period.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.periodEnd' }));
  });

  it('accepts applications only to open calls, from those who speak for the lead; 401, 403, 404', async () => {
    const closed = await submit(application(), dortmundMember, closedCall);
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/geschlossen/);
    expect((await submit(application(), otherMember)).status).toBe(403);
    expect((await call('POST', `/api/calls/${openCall}/applications`, undefined, application())).status).toBe(401);
    expect((await submit(application(), dortmundMember, 999_999)).status).toBe(404);
  });

  it('lists applications: staff all of the call, members their own organisations', async () => {
    const staffList = await call('GET', `/api/calls/${openCall}/applications`, officer);
    expect(staffList.status).toBe(200);
    expect(staffList.body.total).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/api/calls/${openCall}/applications`, dortmundMember)).body.total).toBe(
      staffList.body.total,
    );
    expect((await call('GET', `/api/calls/${openCall}/applications`, otherMember)).body).toEqual({
      items: [],
      total: 0,
    });
    expect((await call('GET', `/api/calls/${openCall}/applications`)).status).toBe(401);
    const id = staffList.body.items[0].id;
    expect((await call('GET', `/api/applications/${id}`, otherMember)).status).toBe(404);
    expect((await call('GET', '/api/applications/999999', officer)).status).toBe(404);
  });

  it('moves an application only along allowed transitions, each by whom it belongs to', async () => {
    const { body: created } = await submit(application({ title: 'Zweiter Antrag' }));
    expect((await move(created.id, officer, { to: 'approved', version: 1 })).status).toBe(409);
    expect((await move(created.id, dortmundMember, { to: 'under_review', version: 1 })).status).toBe(403);
    expect((await move(created.id, officer, { to: 'withdrawn', version: 1 })).status).toBe(403);
    expect((await move(created.id, officer, { to: 'dreaming', version: 1 })).status).toBe(400);
    const review = await move(created.id, officer, { to: 'under_review', version: 1, comment: 'Vollständig' });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      state: 'under_review',
      version: 2,
      allowedTransitions: ['approved', 'rejected'],
    });
    expect((await move(created.id, officer, { to: 'rejected', version: 1 })).status).toBe(409);
    const withdrawn = await move(created.id, dortmundMember, { to: 'withdrawn', version: 2, comment: 'Neu geplant' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.transitions.map((t: { to: string; comment: string | null }) => [t.to, t.comment])).toEqual([
      ['submitted', null],
      ['under_review', 'Vollständig'],
      ['withdrawn', 'Neu geplant'],
    ]);
    expect((await move(created.id, officer, { to: 'under_review', version: 3 })).status).toBe(409);
    expect((await move(999_999, officer, { to: 'under_review', version: 1 })).status).toBe(404);
    const audit = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from audit_log where entity_type = 'application' and entity_id = ${String(created.id)}`,
    );
    expect(Number(audit[0]?.n)).toBe(3);
  });

  it('approves with an amount and a funding split by source, partner and year: project and grant in one go', async () => {
    const { body: created } = await submit(application({ title: 'RegionWestfalen' }));
    await move(created.id, officer, { to: 'under_review', version: 1 });
    // €3.6M over three years: per partner and year committed EU ERDF, state and own money (test figures).
    const lines = agencies.flatMap((organisationId) =>
      [year, year + 1, year + 2].flatMap((y) => [
        { organisationId, source: 'eu_erdf', kind: 'committed', amountCents: 12_000_000, year: y },
        { organisationId, source: 'state', kind: 'committed', amountCents: 8_000_000, year: y },
        { organisationId, source: 'own', kind: 'committed', amountCents: 4_000_000, year: y },
      ]),
    );
    const badSplit = await move(created.id, officer, {
      to: 'approved',
      version: 2,
      award: { amountCents: 300_000_000 },
    });
    expect(badSplit.status).toBe(400);
    expect(badSplit.body.error.details.fields[0].field).toBe('body.award.partners');
    const badYear = await move(created.id, officer, {
      to: 'approved',
      version: 2,
      award: {
        lines: [{ organisationId: agencies[0], source: 'state', kind: 'committed', amountCents: 1, year: 1999 }],
      },
    });
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.details.fields[0].field).toBe('body.award.lines.0.year');
    expect((await call('GET', `/api/applications/${created.id}`, officer)).body.state).toBe('under_review');

    const approved = await move(created.id, officer, {
      to: 'approved',
      version: 2,
      comment: 'Förderbescheid übergeben',
      award: { decidedOn: shift(0), reference: 'REGIO-2024-001', lines },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', allowedTransitions: [] });
    expect(approved.body.grantId).toEqual(expect.any(Number));
    expect(approved.body.projectId).toEqual(expect.any(Number));

    const grants = (await call('GET', `/api/grants?callId=${openCall}`, officer)).body;
    expect(grants.items).toEqual([
      expect.objectContaining({
        id: approved.body.grantId,
        amountCents: 360_000_000,
        committedCents: 360_000_000,
        partnerCount: 5,
        lead: expect.objectContaining({ id: agencies[0] }),
      }),
    ]);
    const grant = (await call('GET', `/api/grants/${approved.body.grantId}`, officer)).body;
    expect(grant).toMatchObject({ applicationId: created.id, reference: 'REGIO-2024-001', call: { id: openCall } });
    expect(grant.lines).toHaveLength(45);
    expect(grant.coFinancing).toMatchObject({
      euCents: 180_000_000,
      nationalPublicCents: 120_000_000,
      ownCents: 60_000_000,
    });
    const project = (await call('GET', `/api/projects/${approved.body.projectId}`, officer)).body;
    expect(project).toMatchObject({ status: 'in_progress', programme: { id: programmeId } });
    expect(project.organisations).toHaveLength(5);
    const figures = (await call('GET', `/api/calls/${openCall}`, officer)).body.applications;
    expect(figures.approvedCents).toBe(360_000_000);
    expect((await move(created.id, dortmundMember, { to: 'withdrawn', version: 3 })).status).toBe(409);
  });

  it('approves without a split: the shares become committed money of unpublished split', async () => {
    const { body: created } = await submit(application({ title: 'Ohne Aufteilung' }));
    await move(created.id, officer, { to: 'under_review', version: 1 });
    const approved = await move(created.id, officer, { to: 'approved', version: 2 });
    expect(approved.status).toBe(200);
    const grant = (await call('GET', `/api/grants/${approved.body.grantId}`, officer)).body;
    expect(grant.lines.map((l: { source: string; kind: string }) => `${l.source}/${l.kind}`)).toEqual(
      Array(5).fill('mixed/committed'),
    );
    expect(grant.partners.map((p: { shareCents: number }) => p.shareCents)).toEqual(Array(5).fill(72_000_000));
  });
});
