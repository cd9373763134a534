import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallListItem } from '../../../contracts/calls';
import { todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Funding calls: public lists with filters derived from dates and eligibility, editing by the
// programme's funding editors with field-named refusals and optimistic versions.

const shift = (days: number) => {
  const d = new Date(`${todayInGermany()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe.each(testTargets)('funding calls on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let officer: Session;
  let otherOffice: Session;
  let member: Session;
  let programmeId: number;
  let arnsberg: number;
  let dortmund: number;
  let torino: number;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const region = async (q: string, level: string) =>
    (await call('GET', `/api/regions?q=${encodeURIComponent(q)}&level=${level}`)).body.items[0].id as number;
  const draft = (slug: string, extra: object = {}) => ({
    programmeId,
    slug,
    title: `Aufruf ${slug}`,
    funderName: 'Ministerium für Wirtschaft NRW',
    budgetCents: 500_000_000,
    opensOn: shift(-10),
    closesOn: shift(12),
    eligibleTypes: ['development_agency'],
    eligibleRegionIds: [arnsberg],
    documents: [{ title: 'Förderrichtlinie', url: 'https://example.org/richtlinie.pdf' }],
    ...extra,
  });
  const slugs = async (query: string): Promise<string[]> =>
    (await call('GET', `/api/calls?pageSize=200&${query}`)).body.items.map((c: CallListItem) => c.slug);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const [regio] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'regio-nrw-transformation'`,
    );
    const [ruhr] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'ruhr-konferenz'`,
    );
    programmeId = Number(regio?.id);
    await createTestUser(ctx.db, 'officer@calls.example.org', [{ role: 'funding_officer', programmeId }]);
    await createTestUser(ctx.db, 'ruhr@calls.example.org', [
      { role: 'programme_office', programmeId: Number(ruhr?.id) },
    ]);
    await createTestUser(ctx.db, 'member@calls.example.org', [{ role: 'organisation_member', organisationId: 1 }]);
    officer = await signIn(ctx.app, 'officer@calls.example.org');
    otherOffice = await signIn(ctx.app, 'ruhr@calls.example.org');
    member = await signIn(ctx.app, 'member@calls.example.org');
    arnsberg = await region('Arnsberg', 'admin_district');
    dortmund = await region('Dortmund', 'district');
    torino = await region('Torino', 'province');
  });
  afterAll(() => ctx?.close());

  it('creates calls for the programme office and funding officers; others get 401/403, unknown programmes 404', async () => {
    const created = await call('POST', '/api/calls', officer, draft('offen'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'offen',
      status: 'open',
      daysLeft: 12,
      budgetCents: 500_000_000,
      eligibility: { types: ['development_agency'], regions: [{ id: arnsberg }] },
      documents: [{ title: 'Förderrichtlinie' }],
      canEdit: true,
      applications: { total: 0, requestedCents: 0 },
      version: 1,
    });
    expect(created.body.eligibility.summary).toBe(
      'Antragsberechtigt sind Wirtschaftsförderungen mit Sitz in Regierungsbezirk Arnsberg.',
    );
    const audit = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from audit_log where entity_type = 'funding_call' and entity_id = ${String(created.body.id)}`,
    );
    expect(Number(audit[0]?.n)).toBe(1);
    expect((await call('POST', '/api/calls', undefined, draft('anonym'))).status).toBe(401);
    expect((await call('POST', '/api/calls', otherOffice, draft('fremd'))).status).toBe(403);
    expect((await call('POST', '/api/calls', member, draft('mitglied'))).status).toBe(403);
    expect((await call('POST', '/api/calls', officer, { ...draft('xx'), programmeId: 999_999 })).status).toBe(404);
    const taken = await call('POST', '/api/calls', officer, draft('offen'));
    expect(taken.status).toBe(409);
  });

  it('refuses bad calls naming the field: dates out of order, no budget, unknown regions and NACE codes', async () => {
    const dates = await call('POST', '/api/calls', officer, draft('daten', { opensOn: shift(5), closesOn: shift(1) }));
    expect(dates.status).toBe(400);
    expect(dates.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.closesOn' }));
    const budget = await call('POST', '/api/calls', officer, draft('budget', { budgetCents: 0 }));
    expect(budget.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.budgetCents' }));
    const refs = await call(
      'POST',
      '/api/calls',
      officer,
      draft('refs', { eligibleRegionIds: [arnsberg, 999_999], eligibleNace: ['C', '99.99'] }),
    );
    expect(refs.status).toBe(400);
    expect(refs.body.error.details.fields).toEqual([
      { field: 'body.eligibleRegionIds.1', reason: 'Region 999999 gibt es nicht' },
      { field: 'body.eligibleNace.1', reason: 'NACE-Code 99.99 gibt es nicht' },
    ]);
    const type = await call('POST', '/api/calls', officer, draft('typ', { eligibleTypes: ['alien'] }));
    expect(type.body.error.details.fields[0].field).toBe('body.eligibleTypes.0');
  });

  it('updates a call with its version; a stale version gets 409, a closing date before the opening 400', async () => {
    const { body: created } = await call('POST', '/api/calls', officer, draft('aenderbar'));
    const updated = await call('PATCH', `/api/calls/${created.id}`, officer, {
      version: 1,
      budgetCents: 600_000_000,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, budgetCents: 600_000_000 });
    expect((await call('PATCH', `/api/calls/${created.id}`, officer, { version: 1, title: 'Alt' })).status).toBe(409);
    const early = await call('PATCH', `/api/calls/${created.id}`, officer, { version: 2, closesOn: shift(-20) });
    expect(early.status).toBe(400);
    expect(early.body.error.details.fields).toEqual([
      { field: 'body.closesOn', reason: 'Schluss liegt vor der Öffnung' },
    ]);
    expect((await call('PATCH', `/api/calls/${created.id}`, otherOffice, { version: 2 })).status).toBe(403);
    expect((await call('PATCH', '/api/calls/999999', officer, { version: 1 })).status).toBe(404);
  });

  it('lists calls publicly by status, programme, organisation type, region, NACE and words', async () => {
    await call('POST', '/api/calls', officer, draft('demnaechst', { opensOn: shift(3), closesOn: shift(40) }));
    await call('POST', '/api/calls', officer, draft('vorbei', { opensOn: shift(-60), closesOn: shift(-1) }));
    await call(
      'POST',
      '/api/calls',
      officer,
      draft('industrie', {
        eligibleTypes: ['company'],
        eligibleRegionIds: [],
        eligibleNace: ['C'],
        title: 'Grüne Produktion',
      }),
    );
    await call('POST', '/api/calls', officer, draft('intern', { visibility: 'internal' }));

    const open = await call('GET', '/api/calls?status=open&pageSize=200');
    expect(open.status).toBe(200);
    const opened = open.body.items.find((c: CallListItem) => c.slug === 'offen');
    expect(opened).toMatchObject({ status: 'open', daysLeft: 12, opensInDays: null });
    expect(await slugs('status=open')).not.toContain('demnaechst');
    expect((await call('GET', '/api/calls?status=upcoming')).body.items).toContainEqual(
      expect.objectContaining({ slug: 'demnaechst', opensInDays: 3, daysLeft: null }),
    );
    expect(await slugs('status=closed')).toEqual(expect.arrayContaining(['vorbei']));
    expect(await slugs('status=closed')).not.toContain('offen');
    expect(await slugs(`programmeId=${programmeId}`)).toContain('offen');
    expect(await slugs('programmeId=999999')).toEqual([]);
    expect(await slugs('type=company')).toEqual(['industrie']);
    expect(await slugs('type=development_agency')).not.toContain('industrie');
    // Dortmund lies in Regierungsbezirk Arnsberg; Torino does not.
    expect(await slugs(`regionId=${dortmund}`)).toContain('offen');
    expect(await slugs(`regionId=${torino}`)).toEqual(['industrie']);
    // NACE: the call names section C; a class inside it matches, another section does not.
    expect(await slugs('nace=28.11')).toContain('industrie');
    expect(await slugs('nace=C')).toContain('industrie');
    expect(await slugs('nace=62')).not.toContain('industrie');
    expect(await slugs('q=grüne')).toEqual(['industrie']);
    // Hidden from the public, shown to staff.
    expect(await slugs('q=intern')).toEqual([]);
    const staffList = await call('GET', '/api/calls?q=intern', officer);
    expect(staffList.body.items.map((c: CallListItem) => c.slug)).toEqual(['intern']);
    expect((await call('GET', '/api/calls?status=someday')).status).toBe(400);
  });

  it('shows a call to everyone, its application figures to staff only; hidden or unknown calls are 404', async () => {
    const { body: created } = await call('GET', '/api/calls?q=offen');
    const id = created.items[0].id;
    const anonymous = await call('GET', `/api/calls/${id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({
      applications: null,
      canEdit: false,
      funderName: 'Ministerium für Wirtschaft NRW',
    });
    expect((await call('GET', `/api/calls/${id}`, officer)).body.applications).toMatchObject({ total: 0 });
    const internal = (await call('GET', '/api/calls?q=intern', officer)).body.items[0].id;
    expect((await call('GET', `/api/calls/${internal}`)).status).toBe(404);
    expect((await call('GET', '/api/calls/999999')).status).toBe(404);
    expect((await call('GET', '/api/calls/abc')).status).toBe(400);
  });
  it('exports the filtered call list as CSV and XLSX: same rows and order as the list, hidden calls left out', async () => {
    const csvLines = async (url: string, who?: Session) => {
      const res = await ctx.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
      expect(res.statusCode).toBe(200);
      return res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const list = await call('GET', `/api/calls?programmeId=${programmeId}&pageSize=200`);
    expect(list.body.total).toBeGreaterThan(1);
    const lines = await csvLines(`/api/calls/export.csv?programmeId=${programmeId}`);
    expect(lines[0]).toBe('Titel;Programm;Fördergeber;Status;Budget (EUR);Öffnet am;Frist;Sichtbarkeit');
    expect(lines.length - 1).toBe(list.body.total);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(list.body.items.map((c: CallListItem) => c.title));
    const first = list.body.items[0] as CallListItem;
    const [y, m, d] = (first.closesOn as string).split('-');
    expect(lines[1]).toContain(`;${d}.${m}.${y};`);
    expect(lines[1]).toContain(`;${((first.budgetCents as number) / 100).toFixed(2).replace('.', ',')};`);
    // The internal call: in the staff's file, not in the public one.
    expect((await csvLines('/api/calls/export.csv?q=intern')).length).toBe(1);
    expect(await csvLines('/api/calls/export.csv?q=intern', officer)).toHaveLength(2);
    expect((await ctx.app.inject('/api/calls/export.csv?status=someday')).statusCode).toBe(400);

    const xlsx = await ctx.app.inject(`/api/calls/export.xlsx?programmeId=${programmeId}&status=open`);
    expect(xlsx.statusCode).toBe(200);
    const open = await call('GET', `/api/calls?programmeId=${programmeId}&status=open`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Förderaufrufe');
    expect(sheet?.rowCount).toBe(open.body.total + 1);
    expect(sheet?.getRow(2).getCell(1).value).toBe(open.body.items[0].title);
    expect(sheet?.getRow(2).getCell(5).value).toBe(open.body.items[0].budgetCents / 100);
  });
});
