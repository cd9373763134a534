import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationListItem } from '../../../contracts/organisations';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

type Page = { items: OrganisationListItem[]; total: number };

describe.each(testTargets)('organisation directory on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const get = async (url: string) => {
    const res = await ctx.app.inject(url);
    return { status: res.statusCode, body: res.json() };
  };
  const search = async (q: string): Promise<Page> => (await get(`/api/organisations?q=${encodeURIComponent(q)}`)).body;

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it.each([
    ['Luft- und Raumfahrt'],
    ['luft raumfahrt zentrum'],
    ['Deutsches Zentrum fuer Luft und Raumfart'],
    ['Deutsches Zentrum für Luft- und Raumfahrt'],
  ])('finds the German Aerospace Center (DLR) for "%s"', async (q) => {
    const dlr = (await get('/api/organisations?identifier=pic:999981731')).body.items[0];
    const { items } = await search(q);
    expect(items[0]).toMatchObject({ id: dlr.id, shortName: 'DLR', type: 'research_institute' });
  });

  it('finds an organisation by its short name', async () => {
    const dlr = (await get('/api/organisations?identifier=pic:999981731')).body.items[0];
    const { items } = await search('DLR');
    expect(items[0]?.id).toBe(dlr.id);
  });

  it('finds an organisation by its external identifier', async () => {
    const { body } = await get('/api/organisations?identifier=pic:999981731');
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ shortName: 'DLR', city: 'KOELN', country: 'DE', region: { name: 'Köln' } });
    const unknown = await get('/api/organisations?identifier=pic:000000000');
    expect(unknown.body).toEqual({ items: [], total: 0, isTotalCapped: false });
  });

  it('filters by type, country and region including everything inside it', async () => {
    const { body: nrwUniversities } = await get('/api/organisations?type=university&country=DE&pageSize=200');
    expect(
      nrwUniversities.items.every((o: OrganisationListItem) => o.type === 'university' && o.country === 'DE'),
    ).toBe(true);
    const regions = await get('/api/regions?q=Torino&level=province');
    const torino = await get(`/api/organisations?regionId=${regions.body.items[0].id}&pageSize=200`);
    expect(torino.body.total).toBeGreaterThan(20);
    expect(torino.body.items.every((o: OrganisationListItem) => o.country === 'IT')).toBe(true);
  });

  it('shows an organisation with identifiers, programmes and its partners from shared projects', async () => {
    const { body } = await get('/api/organisations?identifier=pic:999981731');
    const res = await get(`/api/organisations/${body.items[0].id}`);
    expect(res.status).toBe(200);
    const dlr = res.body as OrganisationDetail;
    expect(dlr.identifiers).toContainEqual({ scheme: 'pic', value: '999981731' });
    expect(dlr.regionPath.map((r) => r.name)).toEqual(['Nordrhein-Westfalen', 'Köln', 'Köln', 'Köln']);
    expect(dlr.programmes[0]).toMatchObject({ name: 'Horizon 2020 (Projekte mit NRW- und Piemont-Beteiligung)' });
    expect(dlr.partners.length).toBe(20);
    const shared = dlr.partners.map((p) => p.sharedProjects);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    expect(dlr.partners[0]?.sharedProjects).toBeGreaterThan(1);
  });

  it('merges an ERDF beneficiary and its CORDIS record that differ only in spelling', async () => {
    const { items } = await search('Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung');
    const fraunhofer = items[0];
    const detail = (await get(`/api/organisations/${fraunhofer?.id}`)).body as OrganisationDetail;
    expect(detail.programmes.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'EFRE NRW 2007–2013 (Ziel 2)',
        'Horizon 2020 (Projekte mit NRW- und Piemont-Beteiligung)',
      ]),
    );
  });

  it('rejects a malformed identifier with 400 and an unknown organisation with 404', async () => {
    const bad = await get('/api/organisations?identifier=999981731');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('querystring.identifier');
    expect((await get('/api/organisations/99999999')).body.error.code).toBe('not_found');
  });
});
