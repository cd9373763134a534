import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateGrant, GrantDetail, ProgrammeSummary } from '../../../contracts/funding';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

const erdf2007 = path.resolve(import.meta.dirname, '../../../data/erdf-nrw/erdf_nrw_2007_2013_beneficiaries.csv');

/** The sum of a euro column in cents, exactly (BigInt: no floating point on the way). */
function sumCents(file: string, column: string): bigint {
  const rows = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];
  return rows.reduce((s, r) => {
    const [euros, cents = ''] = (r[column] as string).split('.');
    return s + BigInt(euros as string) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2) || '0');
  }, 0n);
}

describe.each(testTargets)('grants and programme money on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let officer: Session;
  let member: Session;
  let staff: Session;
  let programmeId: number;
  let projectId: number;
  let orgs: number[];

  const call = async (method: 'GET' | 'POST', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const summary = async (id: number, who?: Session): Promise<ProgrammeSummary> =>
    (await call('GET', `/api/programmes/${id}/summary`, who)).body;
  const draft = (over: Partial<CreateGrant> = {}): CreateGrant => ({
    projectId,
    title: 'Kompetenzregion für grüne Produktion',
    funderName: 'Land Nordrhein-Westfalen',
    amountCents: 300_000_00,
    decidedOn: '2024-01-15',
    periodStart: '2024-01-01',
    periodEnd: '2026-12-31',
    visibility: 'public',
    partners: [
      { organisationId: orgs[0] as number, role: 'lead', shareCents: 200_000_00 },
      { organisationId: orgs[1] as number, role: 'partner', shareCents: 100_000_00 },
    ],
    lines: [
      { organisationId: orgs[0] as number, source: 'eu_erdf', kind: 'committed', amountCents: 120_000_00, year: 2024 },
      { organisationId: orgs[0] as number, source: 'state', kind: 'committed', amountCents: 80_000_00, year: 2024 },
      { organisationId: orgs[1] as number, source: 'eu_erdf', kind: 'committed', amountCents: 60_000_00, year: 2025 },
      { organisationId: orgs[1] as number, source: 'own', kind: 'committed', amountCents: 40_000_00, year: 2025 },
    ],
    ...over,
  });
  const fieldsOf = (body: { error: { details: { fields: { field: string }[] } } }) =>
    body.error.details.fields.map((f) => f.field);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const [programme] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'ruhr-konferenz'`,
    );
    programmeId = Number(programme?.id);
    const [project] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from projects where programme_id = ${programmeId} and visibility = 'public' order by id limit 1`,
    );
    projectId = Number(project?.id);
    orgs = (
      await queryRows<{ id: number }>(
        ctx.db,
        sql`select id from organisations where name in ('Wirtschaftsförderung Dortmund', 'Wirtschaftsförderung Bochum') order by name desc`,
      )
    ).map((r) => Number(r.id));
    await createTestUser(ctx.db, 'officer@grants.example.org', [{ role: 'funding_officer', programmeId }]);
    await createTestUser(ctx.db, 'staff@grants.example.org', [{ role: 'agency_staff' }]);
    await createTestUser(ctx.db, 'member@grants.example.org', [
      { role: 'organisation_member', organisationId: orgs[0] },
    ]);
    officer = await signIn(ctx.app, 'officer@grants.example.org');
    staff = await signIn(ctx.app, 'staff@grants.example.org');
    member = await signIn(ctx.app, 'member@grants.example.org');
  });
  afterAll(() => ctx?.close());

  it('totals the public money of ERDF 2007–2013 to the cent of the source file', async () => {
    expect(orgs).toHaveLength(2);
    const [efre] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'efre-nrw-2007-2013'`,
    );
    const s = await summary(Number(efre?.id));
    expect(BigInt(s.totals.committedCents)).toBe(sumCents(erdf2007, 'allocated_public_funding_eur'));
    expect(s.bySource.map((b) => b.source)).toEqual(['erdf_programme']);
    const byYear = s.byYear.reduce((sum, y) => sum + y.committedCents, 0);
    expect(byYear).toBe(s.totals.committedCents);
    expect(s.coFinancing).toMatchObject({ basis: 'committed', mixedPublicCents: s.totals.committedCents, euRate: 0 });
  });

  it('made each ERDF operation a grant to its beneficiary, lines and provenance kept', async () => {
    const [efre] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'efre-nrw-2007-2013'`,
    );
    const rows = parse(fs.readFileSync(erdf2007), { columns: true }) as Record<string, string>[];
    const list = await call('GET', `/api/grants?programmeId=${efre?.id}&sort=-amount&pageSize=1`);
    expect(list.body.total).toBe(rows.length);
    const grant: GrantDetail = (await call('GET', `/api/grants/${list.body.items[0].id}`)).body;
    expect(grant.partners).toEqual([expect.objectContaining({ role: 'lead', shareCents: grant.amountCents })]);
    expect(grant.lines.length).toBeGreaterThan(0);
    expect(grant.lines[0]?.provenance).toMatchObject({ kind: 'import', importKind: 'erdf-nrw-2007' });
    expect(grant.lines.every((l) => l.organisation?.id === grant.partners[0]?.organisationId)).toBe(true);
  });

  it('records a grant to a consortium with co-financing, and the programme summary follows', async () => {
    const before = await summary(programmeId);
    const created = await call('POST', '/api/grants', officer, draft());
    expect(created.status).toBe(201);
    const grant = created.body as GrantDetail;
    expect(grant.partners.map((p) => [p.role, p.shareCents])).toEqual([
      ['lead', 200_000_00],
      ['partner', 100_000_00],
    ]);
    expect(grant.coFinancing).toMatchObject({
      basis: 'committed',
      totalCents: 300_000_00,
      euCents: 180_000_00,
      ownCents: 40_000_00,
    });
    expect(grant.coFinancing.euRate).toBeCloseTo(0.6);
    expect(grant.warnings).toEqual([]);
    const after = await summary(programmeId);
    expect(after.totals.committedCents - before.totals.committedCents).toBe(300_000_00);
    const erdf = (s: ProgrammeSummary) =>
      s.rows.find((r) => r.source === 'eu_erdf' && r.kind === 'committed' && r.year === 2025)?.amountCents ?? 0;
    expect(erdf(after) - erdf(before)).toBe(60_000_00);
    // The partners joined the project's consortium; the grant lists under the partner and the project.
    const byPartner = await call('GET', `/api/grants?organisationId=${orgs[1]}`);
    expect(byPartner.body.items.map((g: { id: number }) => g.id)).toContain(grant.id);
    const project = await call('GET', `/api/projects/${projectId}`);
    expect(project.body.organisations.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining(orgs));
  });

  it('refuses a grant whose figures do not add up, naming the fields, and writes nothing', async () => {
    const count = async () =>
      Number((await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from grants`))[0]?.n);
    const before = await count();
    const shares = await call('POST', '/api/grants', officer, draft({ amountCents: 310_000_00 }));
    expect(shares.status).toBe(400);
    expect(fieldsOf(shares.body)).toContain('body.partners');
    const overrun = await call(
      'POST',
      '/api/grants',
      officer,
      draft({
        lines: [
          { organisationId: orgs[0] as number, source: 'state', kind: 'committed', amountCents: 10_000_00, year: 2024 },
          { organisationId: orgs[0] as number, source: 'state', kind: 'disbursed', amountCents: 12_000_00, year: 2027 },
        ],
      }),
    );
    expect(overrun.status).toBe(400);
    expect(fieldsOf(overrun.body)).toEqual(['body.lines.1.year', 'body.lines.1.amountCents']);
    const period = await call('POST', '/api/grants', officer, draft({ periodEnd: '2023-12-31' }));
    expect(fieldsOf(period.body)).toEqual(expect.arrayContaining(['body.periodEnd', 'body.decidedOn']));
    const unknown = await call('POST', '/api/grants', officer, draft({ projectId: 99_999_999 }));
    expect(fieldsOf(unknown.body)).toEqual(['body.projectId']);
    expect(await count()).toBe(before);
    expect((await call('POST', '/api/grants', member, draft())).status).toBe(403);
    expect((await call('POST', '/api/grants', undefined, draft())).status).toBe(401);
  });

  it('records a disbursement; more than committed needs a reason and shows as a warning', async () => {
    const grant: GrantDetail = (await call('POST', '/api/grants', officer, draft({ title: 'Auszahlungsprobe' }))).body;
    const pay = (version: number, amountCents: number, overrunReason?: string) =>
      call('POST', `/api/grants/${grant.id}/lines`, officer, {
        version,
        lines: [
          { organisationId: orgs[1], source: 'eu_erdf', kind: 'disbursed', amountCents, year: 2025, overrunReason },
        ],
      });
    const ok = await pay(grant.version, 50_000_00);
    expect(ok.status).toBe(201);
    expect(ok.body.partners.find((p: { role: string }) => p.role === 'partner').disbursedCents).toBe(50_000_00);
    expect((await pay(grant.version, 1_00)).status).toBe(409);
    const over = await pay(ok.body.version, 60_000_00);
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['body.lines.0.amountCents']);
    const reasoned = await pay(ok.body.version, 60_000_00, 'Nachbewilligung beantragt');
    expect(reasoned.status).toBe(201);
    expect(reasoned.body.warnings.map((w: { code: string }) => w.code)).toContain('overrun');
  });

  it('keeps internal money out of the public summary and shows it to staff', async () => {
    const publicBefore = await summary(programmeId);
    const staffBefore = await summary(programmeId, staff);
    const [internal] = await queryRows<{ id: number }>(
      ctx.db,
      sql`update projects set visibility = 'internal' where id = ${projectId} returning id`,
    );
    expect(internal).toBeDefined();
    const publicAfter = await summary(programmeId);
    const staffAfter = await summary(programmeId, staff);
    expect(publicAfter.totals.committedCents).toBeLessThan(publicBefore.totals.committedCents);
    expect(staffAfter.totals).toEqual(staffBefore.totals);
    expect((await call('GET', `/api/grants?projectId=${projectId}`)).body.total).toBe(0);
    await ctx.db.execute(sql`update projects set visibility = 'public' where id = ${projectId}`);
    expect((await summary(programmeId)).totals).toEqual(publicBefore.totals);
  });

  it('rolls money up by district and recipient type, down to the lines behind each sum', async () => {
    const [efre] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'efre-nrw-2014-2020'`,
    );
    const id = Number(efre?.id);
    const total = (await summary(id)).totals.plannedCents;
    for (const by of ['district', 'recipientType', 'fund', 'year', 'fieldOfAction', 'source', 'kind']) {
      const rollup = await call('GET', `/api/programmes/${id}/rollup?by=${by}`);
      expect(rollup.status).toBe(200);
      const groups = rollup.body.groups as { key: string | null; label: string; plannedCents: number; lines: number }[];
      expect(groups.reduce((s, g) => s + g.plannedCents, 0)).toBe(total);
    }
    const districts = (await call('GET', `/api/programmes/${id}/rollup?by=district`)).body.groups;
    const dortmund = districts.find((g: { label: string }) => g.label === 'Dortmund');
    expect(dortmund.lines).toBeGreaterThan(0);
    const lines = await call('GET', `/api/funding-lines?programmeId=${id}&district=${dortmund.key}&pageSize=200`);
    expect(lines.body.total).toBe(dortmund.lines);
    const amounts = lines.body.items.map((l: { amountCents: number }) => l.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(lines.body.items[0]).toMatchObject({
      grant: expect.objectContaining({ id: expect.any(Number) }),
      recipient: expect.any(Object),
    });
    expect((await call('GET', `/api/programmes/${id}/rollup?by=colour`)).status).toBe(400);
  });

  it('checks the reported figures against each other and against what is tracked', async () => {
    const checks = (await call('GET', `/api/programmes/${programmeId}/checks`)).body.items as {
      code: string;
      message: string;
    }[];
    // 55 + 1 + 17 = 73: the report of 7 December 2021 adds up.
    expect(checks.map((c) => c.code)).not.toContain('reported_parts_exceed_total');
    await ctx.db.execute(
      sql`update reported_figures set value = 60 where programme_id = ${programmeId} and metric = 'projects.status.in_progress'`,
    );
    const after = (await call('GET', `/api/programmes/${programmeId}/checks`)).body.items as {
      code: string;
      message: string;
    }[];
    expect(after.find((c) => c.code === 'reported_parts_exceed_total')?.message).toContain(
      'Bericht vom 7.12.2021: Projekte nach Status ergeben 78',
    );
    await ctx.db.execute(
      sql`update reported_figures set value = 55 where programme_id = ${programmeId} and metric = 'projects.status.in_progress'`,
    );
    expect(after.map((c) => c.code)).toContain('projects_without_money');
    // A project with money outside its grants next to a grant may count twice.
    expect((await call('POST', '/api/grants', officer, draft({ title: 'Doppelzählungsprobe' }))).status).toBe(201);
    await ctx.db.execute(sql`insert into funding_lines (project_id, source, kind, amount_cents, provenance)
      values (${projectId}, 'mixed', 'planned', 100, '{"kind":"derived","source":"test"}')`);
    const doubled = (await call('GET', `/api/programmes/${programmeId}/checks`)).body.items as {
      code: string;
      projectIds?: number[];
    }[];
    expect(doubled.find((c) => c.code === 'lines_beside_grants')?.projectIds).toContain(projectId);
  });

  it('exports the filtered grant list as CSV for German Excel and as XLSX', async () => {
    const [efre] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where slug = 'efre-nrw-2007-2013'`,
    );
    const list = await call('GET', `/api/grants?programmeId=${efre?.id}&sort=-amount&pageSize=3`);
    const csv = await ctx.app.inject(`/api/grants/export.csv?programmeId=${efre?.id}&sort=-amount`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Förderkennzeichen / Referenz;Titel;Programm');
    expect(lines.length - 1).toBe(list.body.total);
    const top = list.body.items[0];
    expect(lines[1]).toContain(top.reference);
    expect(lines[1]).toContain((top.amountCents / 100).toFixed(2).replace('.', ','));
    const xlsx = await ctx.app.inject(`/api/grants/export.xlsx?programmeId=${efre?.id}&sort=-amount`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Förderungen');
    expect(sheet?.rowCount).toBe(list.body.total + 1);
    expect(sheet?.getRow(2).getCell(8).value).toBe(top.amountCents / 100);
  });

  it('moves grant partners and their lines when their organisation is merged into another', async () => {
    await createTestUser(ctx.db, 'admin@grants.example.org', [{ role: 'admin' }]);
    const admin = await signIn(ctx.app, 'admin@grants.example.org');
    const [dup] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into organisations (name, normalised_name, type, provenance)
        values ('Wirtschaftsfoerderung Bochum GmbH (Dublette)', 'wirtschaftsforderung bochum gmbh dublette', 'development_agency', '{"kind":"derived","source":"test"}')
        returning id`,
    );
    const duplicateId = Number(dup?.id);
    const grant: GrantDetail = (
      await call(
        'POST',
        '/api/grants',
        officer,
        draft({
          title: 'Zusammenführungsprobe',
          partners: [
            { organisationId: orgs[0] as number, role: 'lead', shareCents: 200_000_00 },
            { organisationId: orgs[1] as number, role: 'partner', shareCents: 60_000_00 },
            { organisationId: duplicateId, role: 'partner', shareCents: 40_000_00 },
          ],
          lines: [
            { organisationId: duplicateId, source: 'own', kind: 'committed', amountCents: 40_000_00, year: 2025 },
          ],
        }),
      )
    ).body;
    const survivor = (await call('GET', `/api/organisations/${orgs[1]}`, admin)).body;
    const merged = await call('POST', `/api/organisations/${orgs[1]}/merge`, admin, {
      duplicateId,
      version: survivor.version,
    });
    expect(merged.body.error ?? null).toBeNull();
    const after: GrantDetail = (await call('GET', `/api/grants/${grant.id}`)).body;
    expect(after.partners.map((p) => [p.organisationId, p.shareCents])).toEqual(
      expect.arrayContaining([[orgs[1], 100_000_00]]),
    );
    expect(after.partners).toHaveLength(2);
    expect(after.lines.map((l) => l.organisation?.id)).toEqual([orgs[1]]);
    expect(after.warnings).toEqual([]);
  });

  it('answers 404 for an unknown grant or programme and 400 for a bad filter', async () => {
    expect((await call('GET', '/api/grants/99999999')).status).toBe(404);
    expect((await call('GET', '/api/programmes/99999999/summary')).status).toBe(404);
    const bad = await call('GET', '/api/grants?source=gold');
    expect(bad.status).toBe(400);
  });
});
