import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDetail, ProjectListItem } from '../../../contracts/portfolio';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { anonymous } from '../accounts';
import { listProjects } from './projects.service';

type Page = { items: ProjectListItem[]; total: number; isTotalCapped: boolean };

describe.each(testTargets)('projects API on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };
  const page = async (query: string): Promise<Page> => {
    const res = await get(`/api/projects?${query}`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  const programmeId = async (slug: string): Promise<number> => {
    const { body } = await get('/api/programmes');
    const found = (body as { items: { id: number; slug: string }[] }).items.find((p) => p.slug === slug);
    if (!found) throw new Error(`programme ${slug} missing`);
    return found.id;
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it('lists every demo project, 25 to a page by default', async () => {
    const { items, total, isTotalCapped } = await page('');
    expect(total).toBe(3109 + 160 + 8 + 1 + 1754);
    expect(isTotalCapped).toBe(false);
    expect(items).toHaveLength(25);
  });

  it('stops counting past the cap and says so', async () => {
    const capped = await listProjects(ctx.db, anonymous, { page: 1, pageSize: 10 }, 1000);
    expect(capped).toMatchObject({ total: 1000, isTotalCapped: true });
    expect(capped.items).toHaveLength(10);
    const exact = await listProjects(ctx.db, anonymous, { page: 1, pageSize: 10, q: 'Wasserstoff' }, 1000);
    expect(exact).toMatchObject({ total: (await page('q=Wasserstoff')).total, isTotalCapped: false });
    const broad = await listProjects(ctx.db, anonymous, { page: 1, pageSize: 25, q: 'Wasserstoff' }, 10);
    const byTitle = await listProjects(
      ctx.db,
      anonymous,
      { page: 1, pageSize: 25, q: 'Wasserstoff', sort: 'title' },
      10,
    );
    const ranked = await listProjects(ctx.db, anonymous, { page: 1, pageSize: 25, q: 'Wasserstoff' }, 1000);
    expect(broad.isTotalCapped).toBe(true);
    expect(broad.items.map((p) => p.id)).toEqual(byTitle.items.map((p) => p.id));
    expect(ranked.items.map((p) => p.id)).not.toEqual(byTitle.items.map((p) => p.id));
  });

  it('finds projects by German word forms: "Kläranlagen" finds "Kläranlage"', async () => {
    const { items, total } = await page('q=Kl%C3%A4ranlagen');
    expect(total).toBeGreaterThan(0);
    expect(items.some((p) => /Kläranlage/.test(p.title))).toBe(true);
  });

  it('matches word beginnings and folds umlauts: "wasserst" and "Mobilitat"', async () => {
    const hydrogen = await page('q=wasserst');
    expect(hydrogen.items[0]?.title).toMatch(/Wasserst/i);
    const mobility = await page('q=Mobilitat');
    expect(mobility.items.map((p) => p.title)).toContain('IHK-Netzwerk Betriebliche Mobilität');
  });

  it('finds a project by its lead organisation', async () => {
    const { items } = await page('q=Emschergenossenschaft');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.leadOrganisation).toBe('Emschergenossenschaft');
    expect(items.every((p) => /emscher/i.test(`${p.leadOrganisation} ${p.title}`))).toBe(true);
  });

  it('filters by programme, status and partner flag together', async () => {
    const ruhr = await programmeId('ruhr-konferenz');
    const { items, total } = await page(`programmeId=${ruhr}&status=in_progress&isPartnerProject=true`);
    expect(total).toBe(2);
    expect(items.map((p) => p.title).sort()).toEqual([
      'Gerätesharing-Plattform des Life-Sciences-Verbunds KLIC.Ruhr',
      'IHK-Netzwerk Betriebliche Mobilität',
    ]);
  });

  it('filters by field of action', async () => {
    const erdf = await programmeId('efre-nrw-2007-2013');
    const { body } = await get(`/api/programmes/${erdf}`);
    const hightech = (
      body as { fieldsOfAction: { id: number; name: string; projectCount: number }[] }
    ).fieldsOfAction.find((f) => f.name === 'Hightech.NRW');
    const { items, total } = await page(`fieldOfActionId=${hightech?.id}&pageSize=200`);
    expect(total).toBe(164);
    expect(items.every((p) => p.fieldOfAction?.name === 'Hightech.NRW')).toBe(true);
  });

  it('filters by region including everything inside it', async () => {
    const regions = await get('/api/regions?q=Arnsberg&level=admin_district');
    const arnsberg = (regions.body as { items: { id: number }[] }).items[0];
    const inArnsberg = await page(`regionId=${arnsberg?.id}&pageSize=200`);
    expect(inArnsberg.items.map((p) => p.title)).toContain(
      'In|Die RegionWestfalen: Kompetenzregion für grüne Produktion',
    );
    const hagenRegion = await get('/api/regions?q=Hagen&level=district');
    const hagen = (hagenRegion.body as { items: { id: number }[] }).items[0];
    const inHagen = await page(`regionId=${hagen?.id}&pageSize=200`);
    expect(inHagen.total).toBeGreaterThan(0);
    expect(inHagen.total).toBeLessThan(inArnsberg.total);
    expect(inHagen.items.every((p) => p.region?.name === 'Hagen')).toBe(true);
  });

  it('sorts by funding and pages without overlap', async () => {
    const first = await page('sort=-funding&pageSize=10&page=1');
    const second = await page('sort=-funding&pageSize=10&page=2');
    const amounts = [...first.items, ...second.items].map((p) => p.fundingTotalCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const ids = new Set([...first.items, ...second.items].map((p) => p.id));
    expect(ids.size).toBe(20);
  });

  it('rejects bad parameters with 400 validation_failed naming each field', async () => {
    const { status, body } = await get('/api/projects?status=bogus&pageSize=100000');
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['querystring.pageSize', 'querystring.status']);
  });

  it('shows a project with organisations, region path, status history, money and provenance', async () => {
    const { items } = await page('q=Kompetenzzentrum%20Frau%20Beruf%20M%C3%A4rkische');
    const id = items.find((p) => p.programme.name === 'EFRE.NRW 2014–2020')?.id;
    const { status, body } = await get(`/api/projects/${id}`);
    expect(status).toBe(200);
    const project = body as ProjectDetail;
    expect(project.organisations).toEqual([expect.objectContaining({ name: 'agentur mark GmbH', role: 'lead' })]);
    expect(project.regionPath.map((r) => r.name)).toEqual(['Nordrhein-Westfalen', 'Arnsberg', 'Hagen', 'Hagen']);
    expect(project.statusHistory).toEqual([
      expect.objectContaining({ status: 'in_progress', changedOn: '2015-11-01' }),
    ]);
    expect(project.fundingLines).toEqual([
      expect.objectContaining({ amountCents: 83385195, kind: 'planned', year: 2015 }),
    ]);
    expect(project.provenance).toEqual(
      expect.objectContaining({ kind: 'import', file: 'erdf_nrw_2014_2020_operations.csv', row: 1 }),
    );
  });

  it('cites the seed passage for a seeded project', async () => {
    const { items } = await page('q=RegionWestfalen');
    const { body } = await get(`/api/projects/${items[0]?.id}`);
    const project = body as ProjectDetail;
    expect(project.organisations).toHaveLength(5);
    expect(project.fundingLines[0]).toEqual(expect.objectContaining({ amountCents: 360_000_000, source: 'mixed' }));
    expect(project.provenance).toEqual(expect.objectContaining({ kind: 'seed', document: '001_cdbd1452ce7d40bc.txt' }));
  });

  it('answers 404 not_found for an unknown project and 400 for a malformed id', async () => {
    expect((await get('/api/projects/999999')).body.error.code).toBe('not_found');
    expect((await get('/api/projects/abc')).status).toBe(400);
  });
});
