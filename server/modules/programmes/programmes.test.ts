import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeDetail, ProgrammeSummary } from '../../../contracts/portfolio';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

describe.each(testTargets)('programmes API on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let programmes: ProgrammeSummary[];
  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };
  const detail = async (slug: string) => {
    const id = programmes.find((p) => p.slug === slug)?.id;
    const res = await get(`/api/programmes/${id}`);
    expect(res.status).toBe(200);
    return res.body as ProgrammeDetail;
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    programmes = (await get('/api/programmes')).body.items;
  });
  afterAll(() => ctx?.close());

  it('lists the five demo programmes with their own counts', async () => {
    const bySlug = Object.fromEntries(programmes.map((p) => [p.slug, [p.projectCount, p.fieldOfActionCount]]));
    expect(bySlug).toEqual({
      'efre-nrw-2007-2013': [3109, 91],
      'efre-nrw-2014-2020': [160, 15],
      'ruhr-konferenz': [8, 5],
      'regio-nrw-transformation': [1, 0],
      'horizon-2020': [1754, 16],
    });
  });

  it('shows the Ruhr-Konferenz with its five fields of action and the figures of December 2021', async () => {
    const ruhr = await detail('ruhr-konferenz');
    expect(ruhr.fieldsOfAction.map((f) => f.name)).toEqual([
      'Vernetzte Mobilität – kurze Wege',
      'Erfolgreiche Wirtschaft – gute Arbeit',
      'Gelebte Vielfalt – starker Zusammenhalt',
      'Sichere Energie – gesunde Umwelt',
      'Beste Bildung – exzellente Forschung',
    ]);
    const figures = Object.fromEntries(ruhr.reportedFigures.map((f) => [f.metric, f.value]));
    expect(figures).toMatchObject({
      'projects.total': 73,
      'projects.status.in_progress': 55,
      'projects.status.completed': 1,
      'projects.status.under_review': 17,
      'funding.state.disbursed': 13_600_000_000,
    });
    expect(ruhr.reportedFigures.every((f) => f.publishedOn === '2021-12-07' && f.provenance.kind === 'seed')).toBe(
      true,
    );
    expect(ruhr.money).toEqual([{ source: 'state', kind: 'planned', year: null, amountCents: 7_500_000_000 }]);
  });

  it('counts projects by status and by field of action', async () => {
    const erdf = await detail('efre-nrw-2007-2013');
    const statuses = Object.fromEntries(erdf.statusCounts.map((s) => [s.status, s.count]));
    expect(statuses).toEqual({ completed: 1203, in_progress: 3109 - 1203 });
    const inFields = erdf.fieldsOfAction.reduce((sum, f) => sum + f.projectCount, 0);
    expect(inFields + erdf.projectsWithoutFieldOfAction).toBe(3109);
  });

  it('sums money by source, kind and year', async () => {
    const erdf = await detail('efre-nrw-2014-2020');
    const years = erdf.money.map((m) => m.year);
    expect(years).toEqual([...years].sort());
    expect(erdf.money.every((m) => m.source === 'erdf_programme' && m.kind === 'planned')).toBe(true);
    const total = erdf.money.reduce((sum, m) => sum + m.amountCents, 0);
    expect(total).toBe(programmes.find((p) => p.slug === 'efre-nrw-2014-2020')?.fundingTotalCents);
  });

  it('answers 404 not_found for an unknown programme', async () => {
    const { status, body } = await get('/api/programmes/424242');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('the API around the modules', () => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  beforeAll(async () => {
    ctx = await createDemoApp('pglite');
  });
  afterAll(() => ctx?.close());

  it('reports health and publishes its OpenAPI document', async () => {
    expect((await ctx.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const doc = (await ctx.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/programmes', '/api/programmes/{id}', '/api/projects', '/api/projects/{id}']),
    );
    expect((await ctx.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown API paths with 404 not_found', async () => {
    const res = await ctx.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
