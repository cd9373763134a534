import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provenance } from '../../../contracts/common';
import { type OpenDataCatalogue, threeSixtyGivingGrantSchema } from '../../../contracts/opendata';
import {
  fundingLines,
  grantPartners,
  grants,
  organisationIdentifiers,
  organisations,
  programmes,
  projects,
  regions,
} from '../../db/schema';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

type Grant360 = Record<string, unknown> & {
  id: string;
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: Array<Record<string, unknown>>;
  fundingOrganization: Array<Record<string, unknown>>;
};

/** The fields the 360Giving schema requires of every grant, and of every organisation in it. */
const REQUIRED = ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate'] as const;

function missingRequired(grant: Grant360): string[] {
  const missing: string[] = REQUIRED.filter((field) => grant[field] === undefined || grant[field] === '');
  if (typeof grant.amountAwarded !== 'number') missing.push('amountAwarded (number)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(grant.awardDate)) missing.push('awardDate (YYYY-MM-DD)');
  if (!/^[A-Z]{3}$/.test(String(grant.currency))) missing.push('currency (ISO 4217)');
  for (const key of ['recipientOrganization', 'fundingOrganization'] as const) {
    const orgs = grant[key];
    if (!Array.isArray(orgs) || orgs.length === 0) missing.push(key);
    else if (orgs.some((o) => !o.id || !o.name)) missing.push(`${key}[].id/name`);
  }
  return missing;
}

const provenance: Provenance = { kind: 'manual', userId: 0, at: '2026-01-01T00:00:00Z' };

const CSV_HEADER = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'URL',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Recipient Org:Street Address',
  'Recipient Org:City',
  'Recipient Org:Country',
  'Recipient Org:Web Address',
  'Recipient Org:Location:0:Name',
  'Recipient Org:Location:0:Country Code',
  'Recipient Org:Location:0:Geographic Code',
  'Recipient Org:Location:0:Geographic Code Type',
  'Beneficiary Location:Name',
  'Beneficiary Location:Country Code',
  'Beneficiary Location:Geographic Code',
  'Beneficiary Location:Geographic Code Type',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
];

describe.each(testTargets)('360Giving open data on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let admin: Session;
  const ids = { programme: 0, hiddenProgramme: 0, grant: {} as Record<string, number> };

  const get = (url: string, session?: Session) => ctx.app.inject({ url, headers: session?.headers ?? {} });
  const json = async (query = `?programmeId=${ids.programme}`, session?: Session) => {
    const res = await get(`/api/export/360giving.json${query}`, session);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return { body: res.body, grants: (res.json() as { grants: Grant360[] }).grants };
  };
  const byId = (list: Grant360[], key: string) => list.find((g) => g.id === `360G-standort-${ids.grant[key]}`);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const { db } = ctx;
    await createTestUser(db, 'admin@opendata.example.org', [{ role: 'admin' }]);
    admin = await signIn(ctx.app, 'admin@opendata.example.org');

    const programme = async (slug: string, visibility: 'public' | 'internal') => {
      const [row] = await db
        .insert(programmes)
        .values({ slug, name: `Offene Daten ${slug}`, visibility, periodStart: '2021-01-01' })
        .returning({ id: programmes.id });
      return row?.id as number;
    };
    ids.programme = await programme('opendata-oeffentlich', 'public');
    ids.hiddenProgramme = await programme('opendata-intern', 'internal');

    const [essen] = await db
      .select({ id: regions.id, code: regions.code })
      .from(regions)
      .where(and(eq(regions.name, 'Essen'), eq(regions.level, 'municipality')));
    const project = async (programmeId: number, title: string, visibility: 'public' | 'internal') => {
      const [row] = await db
        .insert(projects)
        .values({ programmeId, title, visibility, regionId: essen?.id, startDate: '2020-03-01', provenance })
        .returning({ id: projects.id });
      return row?.id as number;
    };
    const open = await project(ids.programme, 'Wärmewende im Quartier', 'public');
    const [undated] = await db
      .insert(projects)
      .values({ programmeId: ids.programme, title: 'Projekt ohne Daten', provenance })
      .returning({ id: projects.id });
    const internalProject = await project(ids.programme, 'Vertrauliches Projekt', 'internal');
    const inHiddenProgramme = await project(ids.hiddenProgramme, 'Projekt im internen Programm', 'public');

    const organisation = async (name: string, visibility: 'public' | 'internal') => {
      const [row] = await db
        .insert(organisations)
        .values({
          name,
          normalisedName: name.toLowerCase(),
          type: 'company',
          visibility,
          city: 'Essen',
          street: 'Huttropstraße 60',
          country: 'DE',
          regionId: essen?.id,
          provenance,
        })
        .returning({ id: organisations.id });
      return row?.id as number;
    };
    const lead = await organisation('Müller & Söhne Straßenbau GmbH', 'public');
    await db
      .insert(organisationIdentifiers)
      .values({ organisationId: lead, scheme: 'pic', value: '912345678', provenance });
    const partner = await organisation('Ökoplan Übach-Palenberg eG', 'public');
    const secret = await organisation('Geheimhaltung Süd GmbH', 'internal');

    const grant = async (
      key: string,
      values: Partial<typeof grants.$inferInsert> & { projectId: number },
      partners: Array<[number, 'lead' | 'partner', number]>,
    ) => {
      const [row] = await db
        .insert(grants)
        .values({
          title: `Förderung ${key}`,
          funderName: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW',
          amountCents: 100_00,
          decidedOn: '2021-05-03',
          provenance,
          ...values,
        })
        .returning({ id: grants.id });
      const id = row?.id as number;
      for (const [organisationId, role, shareCents] of partners) {
        await db.insert(grantPartners).values({ grantId: id, organisationId, role, shareCents });
      }
      ids.grant[key] = id;
    };
    await grant(
      'consortium',
      {
        projectId: open,
        amountCents: 1_234_567_89,
        purpose: 'Wärmenetze für Straßenzüge in Altenessen',
        periodStart: '2021-06-01',
        periodEnd: '2024-05-31',
      },
      [
        [lead, 'lead', 1_000_000_00],
        [partner, 'partner', 234_567_89],
        [secret, 'partner', 0],
      ],
    );
    await grant('hiddenRecipient', { projectId: open, amountCents: 5 }, [[secret, 'lead', 5]]);
    await grant('proxyDate', { projectId: open, decidedOn: null, amountCents: 99_999_999_999_99 }, [
      [partner, 'lead', 0],
    ]);
    await grant('yearProxy', { projectId: undated?.id as number, decidedOn: null }, [[partner, 'lead', 0]]);
    await db.insert(fundingLines).values(
      [2014, 2013].map((year) => ({
        projectId: undated?.id as number,
        grantId: ids.grant.yearProxy,
        source: 'erdf_programme' as const,
        kind: 'committed' as const,
        amountCents: 50_00,
        year,
        provenance,
      })),
    );
    await grant('internalGrant', { projectId: open, visibility: 'internal' }, [[lead, 'lead', 100_00]]);
    await grant('internalProject', { projectId: internalProject }, [[lead, 'lead', 100_00]]);
    await grant('hiddenProgramme', { projectId: inHiddenProgramme }, [[lead, 'lead', 100_00]]);
  });
  afterAll(() => ctx?.close());

  it('exports every public grant with the fields 360Giving requires', async () => {
    const { grants: list } = await json();
    expect(list.map((g) => g.id).sort()).toEqual(
      ['consortium', 'hiddenRecipient', 'proxyDate', 'yearProxy'].map((k) => `360G-standort-${ids.grant[k]}`).sort(),
    );
    for (const grant of list) {
      expect(missingRequired(grant), grant.id).toEqual([]);
      expect(() => threeSixtyGivingGrantSchema.parse(grant)).not.toThrow();
    }
  });

  it('writes amounts in euros exact to the cent', async () => {
    const { body, grants: list } = await json();
    expect(byId(list, 'consortium')?.amountAwarded).toBe(1234567.89);
    expect(byId(list, 'hiddenRecipient')?.amountAwarded).toBe(0.05);
    expect(byId(list, 'proxyDate')?.amountAwarded).toBe(99999999999.99);
    expect(body).toContain('"amountAwarded":1234567.89,');
    expect(body).toContain('"amountAwarded":0.05,');
  });

  it('names recipient, funder, programme, locations and planned dates', async () => {
    const consortium = byId((await json()).grants, 'consortium');
    expect(consortium).toMatchObject({
      title: 'Förderung consortium',
      currency: 'EUR',
      awardDate: '2021-05-03',
      plannedDates: [{ startDate: '2021-06-01', endDate: '2024-05-31' }],
      grantProgramme: [{ code: 'opendata-oeffentlich', title: 'Offene Daten opendata-oeffentlich' }],
      fundingOrganization: [
        {
          id: '360G-standort-funder-ministerium-fur-wirtschaft-industrie-klimaschutz-und-energie-nrw',
          name: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW',
        },
      ],
      beneficiaryLocation: [{ name: 'Essen', countryCode: 'DE', geoCode: '05113000', geoCodeType: 'AGS' }],
    });
    expect(consortium?.recipientOrganization).toEqual([
      {
        id: 'XI-PIC-912345678',
        name: 'Müller & Söhne Straßenbau GmbH',
        streetAddress: 'Huttropstraße 60',
        addressLocality: 'Essen',
        addressCountry: 'DE',
        location: [{ name: 'Essen', countryCode: 'DE', geoCode: '05113000', geoCodeType: 'AGS' }],
      },
    ]);
    // The public partner is named, the internal one is not.
    expect(consortium?.description).toBe(
      'Wärmenetze für Straßenzüge in Altenessen Verbundpartner: Ökoplan Übach-Palenberg eG.',
    );
  });

  it('stands in a proxy award date when no decision date is recorded', async () => {
    const proxy = byId((await json()).grants, 'proxyDate');
    expect(proxy?.awardDate).toBe('2020-03-01');
    expect(proxy?.recipientOrganization[0]?.id).toMatch(/^360G-standort-org-\d+$/);
    // Without any date of its own: 1 January of the grant's first funding year.
    expect(byId((await json()).grants, 'yearProxy')?.awardDate).toBe('2013-01-01');
  });

  it('anonymises a recipient that is not public and never names it', async () => {
    const { body, grants: list } = await json();
    expect(byId(list, 'hiddenRecipient')?.recipientOrganization).toEqual([
      { id: `360G-standort-withheld-${ids.grant.hiddenRecipient}`, name: 'Empfänger nicht veröffentlicht' },
    ]);
    expect(body).not.toContain('Geheimhaltung');
  });

  it('leaves out grants that are internal or belong to an internal project or programme, for every reader', async () => {
    for (const session of [undefined, admin]) {
      const { grants: list } = await json('', session);
      const exported = new Set(list.map((g) => g.id));
      for (const key of ['internalGrant', 'internalProject', 'hiddenProgramme']) {
        expect(exported.has(`360G-standort-${ids.grant[key]}`), key).toBe(false);
      }
      expect(exported.has(`360G-standort-${ids.grant.consortium}`)).toBe(true);
    }
  });

  it('writes the same grants as CSV with the standard column titles, UTF-8 with BOM', async () => {
    const res = await get(`/api/export/360giving.csv?programmeId=${ids.programme}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`standort-360giving-programm-${ids.programme}.csv`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][];
    expect(header).toEqual(CSV_HEADER);
    const column = (title: string) => CSV_HEADER.indexOf(title);
    const { grants: list } = await json();
    expect(rows.map((r) => r[column('Identifier')])).toEqual(list.map((g) => g.id));
    expect(rows.map((r) => Number(r[column('Amount Awarded')]))).toEqual(list.map((g) => g.amountAwarded));
    const consortium = rows.find((r) => r[0] === `360G-standort-${ids.grant.consortium}`) ?? [];
    expect(consortium[column('Amount Awarded')]).toBe('1234567.89');
    expect(consortium[column('Recipient Org:Name')]).toBe('Müller & Söhne Straßenbau GmbH');
    expect(consortium[column('Funding Org:Name')]).toBe(
      'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW',
    );
    expect(consortium[column('Beneficiary Location:Geographic Code')]).toBe('05113000');
    expect(consortium[column('Planned Dates:End Date')]).toBe('2024-05-31');
  });

  it('refuses a programme id that is not a number with 400 naming the field', async () => {
    for (const format of ['json', 'csv']) {
      const res = await get(`/api/export/360giving.${format}?programmeId=abc`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'querystring.programmeId',
      ]);
    }
  });

  it('answers 404 for a programme that does not exist or is not public', async () => {
    for (const id of [999_999, ids.hiddenProgramme]) {
      const res = await get(`/api/export/360giving.json?programmeId=${id}`, admin);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('lists the open datasets with their public record counts', async () => {
    const res = await get('/api/open-data');
    expect(res.statusCode).toBe(200);
    const catalogue = res.json() as OpenDataCatalogue;
    expect(catalogue.licence.id).toBe('dl-de/by-2-0');
    const { grants: all } = await json('');
    const grantsSet = catalogue.datasets.find((d) => d.id === 'grants');
    expect(grantsSet?.records).toBe(all.length);
    expect(grantsSet?.downloads.map((d) => d.url)).toEqual(['/api/export/360giving.json', '/api/export/360giving.csv']);
    for (const id of ['organisations', 'projects'] as const) {
      const dataset = catalogue.datasets.find((d) => d.id === id);
      expect(dataset?.records).toBeGreaterThan(0);
      expect(dataset?.downloads.map((d) => d.url)).toEqual([`/api/${id}/export.csv`, `/api/${id}/export.xlsx`]);
    }
  });
});
