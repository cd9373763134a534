import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Membership, OrganisationDetail, OrganisationListItem } from '../../../contracts/organisations';
import type { PartnershipDetail } from '../../../contracts/partnerships';
import type { PersonDetail } from '../../../contracts/people';
import { createTestUser, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Step 3 on the demo data: NACE, memberships, people, networks, partnerships, map, facets.

type Page = { items: OrganisationListItem[]; total: number };

describe.each(testTargets)('the ecosystem directory on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ url, headers });
    return { status: res.statusCode, body: res.json() };
  };
  const findOrg = async (q: string): Promise<OrganisationListItem> => {
    const page: Page = (await get(`/api/organisations?q=${encodeURIComponent(q)}`)).body;
    const hit = page.items.find((o) => o.name === q) ?? page.items[0];
    if (!hit) throw new Error(`no organisation ${q}`);
    return hit;
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it('imports NACE Rev. 2 with sentence-case labels in German, English and Italian', async () => {
    const { body } = await get('/api/nace?level=1&limit=30');
    expect(body.items).toHaveLength(21);
    expect(body.items[0]).toMatchObject({
      code: 'A',
      labels: {
        de: 'Land- und Forstwirtschaft, Fischerei',
        en: 'Agriculture, forestry and fishing',
        it: 'Agricoltura, silvicoltura e pesca',
      },
    });
    const found = (await get('/api/nace?q=Wirtschaftsförderung')).body.items.map((c: { code: string }) => c.code);
    expect(found).toContain('84.13');
  });

  it('filters organisations by NACE code, down the hierarchy', async () => {
    const division = (await get('/api/organisations?nace=85&pageSize=1')).body as Page;
    const group = (await get('/api/organisations?nace=85.4&pageSize=1')).body as Page;
    const section = (await get('/api/organisations?nace=P&pageSize=1')).body as Page;
    const universities = (await get('/api/organisations?type=university&pageSize=1')).body as Page;
    expect(group.total).toBeGreaterThan(100);
    expect(division.total).toBe(group.total);
    expect(section.total).toBe(group.total);
    expect(group.total).toBeLessThanOrEqual(universities.total);
    const agencies = (await get('/api/organisations?nace=84.13&type=development_agency')).body as Page;
    expect(agencies.items.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Wirtschaftsförderung Dortmund', 'Wirtschaftsförderung Kreis Unna']),
    );
    const bad = await get('/api/organisations?nace=7');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('querystring.nace');
  });

  it('counts facets under the other filters', async () => {
    const { body } = await get('/api/organisations/facets?type=development_agency');
    const dev = body.type.find((t: { value: string }) => t.value === 'development_agency');
    const uni = body.type.find((t: { value: string }) => t.value === 'university');
    expect(dev.count).toBeGreaterThanOrEqual(5);
    expect(uni.count).toBeGreaterThan(100); // the type facet ignores the type filter
    expect(body.sector.map((s: { code: string }) => s.code)).toContain('O');
    expect(body.region.map((r: { name: string }) => r.name)).toContain('Dortmund');
    const total = (await get('/api/organisations?type=development_agency&pageSize=1')).body.total;
    expect(body.sector.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeLessThanOrEqual(total);
  });

  it('shows memberships, members, people and NACE on an organisation', async () => {
    const dortmund = await findOrg('Wirtschaftsförderung Dortmund');
    const detail: OrganisationDetail = (await get(`/api/organisations/${dortmund.id}`)).body;
    expect(detail.memberships.map((m: Membership) => [m.kind, m.group?.name])).toContainEqual([
      'network_member',
      'In|Die RegionWestfalen',
    ]);
    expect(detail.people).toContainEqual(expect.objectContaining({ name: 'Heike Marzen', title: 'Geschäftsführerin' }));
    expect(detail.nace[0]).toMatchObject({ code: '84.13', isPrimary: true });
    const network: OrganisationDetail = (await get(`/api/organisations/${detail.memberships[0]?.group?.id}`)).body;
    expect(network.members).toHaveLength(5);
    expect(network.type).toBe('network_alliance');

    const dialogue = await findOrg('Zukunftsdialog Industrie');
    const signatories: OrganisationDetail = (await get(`/api/organisations/${dialogue.id}`)).body;
    expect(signatories.members.filter((m) => m.kind === 'signatory')).toHaveLength(15);
    expect(signatories.members.find((m) => m.person?.name === 'Anja Weber')).toMatchObject({
      organisation: { name: 'DGB NRW', type: 'trade_union' },
      from: '2023-01-20',
    });
  });

  it('lists clusters, alliances and networks with their members', async () => {
    const { body } = await get('/api/networks');
    const byName = new Map(body.items.map((n: { name: string }) => [n.name, n]));
    expect(byName.get('Zukunftsdialog Industrie')).toMatchObject({ memberCount: 15, kinds: ['signatory'] });
    expect(byName.get('In|Die RegionWestfalen')).toMatchObject({ memberCount: 5, kinds: ['network_member'] });
    expect(byName.get('ClusterAllianz.NRW')).toMatchObject({ memberCount: 1, kinds: ['alliance_member'] });
  });

  it('shows people with dated roles; contact details only to staff', async () => {
    const { body } = await get('/api/people?q=neubaur');
    expect(body.total).toBe(1);
    const person: PersonDetail = (await get(`/api/people/${body.items[0].id}`)).body;
    expect(person.roles.map((r) => r.organisationName)).toEqual(
      expect.arrayContaining([
        'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie des Landes Nordrhein-Westfalen',
        'Landesregierung Nordrhein-Westfalen',
      ]),
    );
    expect(person.signatures[0]).toMatchObject({ groupName: 'Zukunftsdialog Industrie', from: '2023-01-20' });
    expect(person.contact).toBeNull();
    await createTestUser(ctx.db, `staff-${target}@example.org`, [{ role: 'agency_staff' }]);
    const staff = await signIn(ctx.app, `staff-${target}@example.org`);
    const seen = (await get(`/api/people/${person.id}`, staff.headers)).body;
    expect(seen.contact).toMatchObject({ visibility: 'internal' });
  });

  it('describes the NRW–Piemonte partnership with agreement, visit and indicators', async () => {
    const { body } = await get('/api/partnerships');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      name: 'Nordrhein-Westfalen – Piemont',
      agreementSignedOn: '2022-02-01',
      agreementPrecision: 'month',
      agreementUntil: null,
    });
    const detail: PartnershipDetail = (await get(`/api/partnerships/${body.items[0].id}`)).body;
    const indicator = (key: string) => detail.indicators.find((i) => i.key === key);
    expect(indicator('trade_volume_nrw_italy')?.points).toEqual([
      expect.objectContaining({ period: '2024', value: 25_400_000_000, qualifier: 'exact' }),
    ]);
    expect(indicator('trade_rank_italy')?.points[0]?.value).toBe(7);
    expect(indicator('italian_subsidiaries_nrw')?.points[0]).toMatchObject({
      value: 630,
      qualifier: 'approx',
      period: null,
    });
    expect(indicator('italian_subsidiaries_jobs_nrw')?.points[0]?.value).toBe(27_000);
    const joint = indicator('joint_projects_per_year');
    expect(joint?.source).toBe('derived');
    expect(joint?.points.map((p) => p.period)).toEqual(['2014', '2015', '2016', '2017', '2018']);
    expect(joint?.points.every((p) => p.value > 0)).toBe(true);
    const visit = detail.events.find((e) => e.kind === 'delegation_visit');
    expect(visit).toMatchObject({ places: ['Mailand', 'Turin'], date: null });
    expect(visit?.participants[0]).toMatchObject({ name: 'Mona Neubaur' });
    expect(visit?.participants[0]?.personId).toEqual(expect.any(Number));
    expect(detail.organisations.map((o) => o.name).sort()).toEqual([
      'Landesregierung Nordrhein-Westfalen',
      'Regione Piemonte',
    ]);
  });

  it('counts organisations, projects and funding per NRW district and Piemonte province', async () => {
    const orgs = (await get('/api/map?area=nrw&measure=organisations')).body;
    expect(orgs.items).toHaveLength(53);
    const byName = new Map(orgs.items.map((i: { name: string; value: number }) => [i.name, i.value]));
    expect(byName.get('Köln')).toBeGreaterThan(byName.get('Olpe') as number);
    const dortmund = orgs.items.find((i: { name: string }) => i.name === 'Dortmund');
    const listed = (await get(`/api/organisations?regionId=${dortmund.regionId}&pageSize=1`)).body.total;
    expect(dortmund.value).toBe(listed);

    const funding = (await get('/api/map?area=nrw&measure=funding')).body;
    expect(funding.items.reduce((s: number, i: { value: number }) => s + i.value, 0)).toBeGreaterThan(1e9);
    const provinces = (await get('/api/map?area=piemonte&measure=organisations')).body;
    expect(provinces.items.map((i: { name: string }) => i.name)).toContain('Torino');
    expect(provinces.items).toHaveLength(8);

    const shapes = (await get('/api/map/shapes')).body;
    expect(shapes.features).toHaveLength(53);
    const codes = new Set(orgs.items.map((i: { code: string }) => i.code));
    expect(shapes.features.every((f: { properties: { code: string } }) => codes.has(f.properties.code))).toBe(true);
  });

  it('exports the filtered organisation list as CSV and XLSX, in list order', async () => {
    const query = 'type=development_agency&sort=name';
    const list = (await get(`/api/organisations?${query}&pageSize=200`)).body as Page;
    const csv = await ctx.app.inject(`/api/organisations/export.csv?${query}`);
    expect(csv.headers['content-disposition']).toMatch(/filename="standort-organisationen-\d{4}-\d\d-\d\d\.csv"/);
    const [head, ...rows] = parse(csv.body, { delimiter: ';', bom: true }) as string[][];
    expect(head?.slice(0, 4)).toEqual(['Name', 'Kurzname', 'Typ', 'NACE']);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((o) => o.name));
    expect(rows.find((r) => r[0] === 'Wirtschaftsförderung Dortmund')?.[3]).toBe('84.13');
    const xlsx = await ctx.app.inject(`/api/organisations/export.xlsx?${query}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Organisationen');
    expect((sheet?.rowCount ?? 0) - 1).toBe(list.total);
    expect(typeof sheet?.getRow(2).getCell(9).value).toBe('number');
  });
});
