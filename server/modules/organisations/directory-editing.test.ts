import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationListItem } from '../../../contracts/organisations';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Writes in the directory: profile edits, duplicates and their merge, people, memberships, partnerships.

describe.each(testTargets)('directory editing on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let admin: Session;
  let staff: Session;
  let member: Session;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const organisation = async (id: number, who = admin): Promise<OrganisationDetail> =>
    (await call('GET', `/api/organisations/${id}`, who)).body;
  const findOrg = async (q: string): Promise<OrganisationListItem> =>
    (await call('GET', `/api/organisations?q=${encodeURIComponent(q)}`, admin)).body.items[0];
  const auditCount = async (entityType: string, entityId: number) =>
    Number(
      (
        await queryRows<{ n: string }>(
          ctx.db,
          sql`select count(*) as n from audit_log where entity_type = ${entityType} and entity_id = ${String(entityId)}`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    await createTestUser(ctx.db, 'admin@edit.example.org', [{ role: 'admin' }]);
    await createTestUser(ctx.db, 'staff@edit.example.org', [{ role: 'agency_staff' }]);
    const klic = await findOrgAnonymously('KLIC.Ruhr');
    await createTestUser(ctx.db, 'member@edit.example.org', [{ role: 'organisation_member', organisationId: klic }]);
    admin = await signIn(ctx.app, 'admin@edit.example.org');
    staff = await signIn(ctx.app, 'staff@edit.example.org');
    member = await signIn(ctx.app, 'member@edit.example.org');
  });
  afterAll(() => ctx?.close());
  async function findOrgAnonymously(q: string) {
    return (await ctx.app.inject(`/api/organisations?q=${encodeURIComponent(q)}`)).json().items[0].id as number;
  }

  it('edits a profile with NACE codes, descriptions and competences; stale versions and unknown codes are refused', async () => {
    const klic = await findOrg('KLIC.Ruhr');
    const before = await organisation(klic.id);
    const bad = await call('PATCH', `/api/organisations/${klic.id}`, member, {
      version: before.version,
      nace: ['72.19', '99.99'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0]).toMatchObject({ field: 'body.nace.1' });
    const ok = await call('PATCH', `/api/organisations/${klic.id}`, member, {
      version: before.version,
      nace: ['72.19', '70.22'],
      sizeClass: 'small',
      competenceFields: ['Wasserstoff', 'Kreislaufwirtschaft'],
      description: { de: 'Kompetenzzentrum', it: 'Centro di competenza' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: before.version + 1,
      sizeClass: 'small',
      competenceFields: ['Wasserstoff', 'Kreislaufwirtschaft'],
      description: { de: 'Kompetenzzentrum', en: null, it: 'Centro di competenza' },
    });
    expect(ok.body.nace.map((n: { code: string; isPrimary: boolean }) => [n.code, n.isPrimary])).toEqual([
      ['72.19', true],
      ['70.22', false],
    ]);
    const filtered = (await call('GET', '/api/organisations?nace=72.1&q=KLIC')).body;
    expect(filtered.items.map((o: OrganisationListItem) => o.id)).toContain(klic.id);
    const stale = await call('PATCH', `/api/organisations/${klic.id}`, member, {
      version: before.version,
      sizeClass: 'large',
    });
    expect(stale.status).toBe(409);
    const other = await findOrg('Wirtschaftsförderung Bochum');
    const foreign = await call('PATCH', `/api/organisations/${other.id}`, member, { version: 1, sizeClass: 'large' });
    expect(foreign.status).toBe(403);
    expect(await auditCount('organisation', klic.id)).toBe(1);
  });

  it('hides an internal organisation from the public, in lists, details, search and suggestions', async () => {
    const hamm = await findOrg('Wirtschaftsförderung Hamm');
    const current = await organisation(hamm.id);
    expect(
      (
        await call('PATCH', `/api/organisations/${hamm.id}`, admin, {
          version: current.version,
          visibility: 'internal',
        })
      ).status,
    ).toBe(200);
    expect((await call('GET', `/api/organisations/${hamm.id}`)).status).toBe(404);
    expect((await call('GET', `/api/organisations/${hamm.id}`, staff)).status).toBe(200);
    const list = (await call('GET', '/api/organisations?q=Wirtschaftsförderung Hamm')).body;
    expect(list.items.map((o: OrganisationListItem) => o.id)).not.toContain(hamm.id);
    const suggestions = (await call('GET', '/api/search/suggest?q=Wirtschaftsförderung H')).body.items;
    expect(suggestions.map((s: { id: number }) => s.id)).not.toContain(hamm.id);
    const network = (await call('GET', '/api/networks')).body.items.find(
      (n: { name: string }) => n.name === 'In|Die RegionWestfalen',
    );
    expect(network.memberCount).toBe(4);
  });

  it('suggests duplicates and merges one, moving every reference and keeping the history', async () => {
    const dupName = 'Wirtschaftsfoerderung Dortmund GmbH';
    // A second record of the agency, as a careless import would create it, with a project, an identifier and a person role.
    const [created] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into organisations (name, normalised_name, type, city, provenance)
        values (${dupName}, 'wirtschaftsforderung dortmund gmbh', 'development_agency', 'Dortmund', '{"kind":"seed","document":"x","title":"x","passage":"x"}')
        returning id`,
    );
    const duplicateId = Number(created?.id);
    await ctx.db.execute(sql`insert into organisation_identifiers (organisation_id, scheme, value, provenance)
      values (${duplicateId}, 'register', 'HRB 12345 Dortmund', '{"kind":"seed","document":"x","title":"x","passage":"x"}')`);
    const project = (await call('GET', '/api/projects?pageSize=1&q=Wasserstoff')).body.items[0];
    await ctx.db.execute(
      sql`insert into project_organisations (project_id, organisation_id, role) values (${project.id}, ${duplicateId}, 'partner')`,
    );

    const survivor = await findOrg('Wirtschaftsförderung Dortmund');
    const forbidden = await call('GET', '/api/organisations/duplicates', member);
    expect(forbidden.status).toBe(403);
    const { body } = await call('GET', '/api/organisations/duplicates?threshold=0.6', staff);
    const pair = body.items.find(
      (p: { a: { id: number }; b: { id: number } }) =>
        [p.a.id, p.b.id].includes(duplicateId) && [p.a.id, p.b.id].includes(survivor.id),
    );
    expect(pair?.reasons).toEqual(expect.arrayContaining(['similar_name']));

    const before = await organisation(survivor.id);
    expect(
      (await call('POST', `/api/organisations/${survivor.id}/merge`, staff, { duplicateId, version: before.version }))
        .status,
    ).toBe(403);
    const merged = await call('POST', `/api/organisations/${survivor.id}/merge`, admin, {
      duplicateId,
      version: before.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.aliases).toContain(dupName);
    expect(merged.body.identifiers).toContainEqual({ scheme: 'register', value: 'HRB 12345 Dortmund' });
    expect(merged.body.mergedFrom).toEqual([expect.objectContaining({ id: duplicateId, name: dupName })]);
    expect(merged.body.people.map((p: { name: string }) => p.name)).toContain('Heike Marzen');
    const detail = (await call('GET', `/api/projects/${project.id}`)).body;
    expect(detail.organisations.map((o: { id: number }) => o.id)).toContain(survivor.id);
    expect(detail.organisations.map((o: { id: number }) => o.id)).not.toContain(duplicateId);
    // The old id answers with the survivor; the merge is audited for both.
    expect((await call('GET', `/api/organisations/${duplicateId}`)).body.id).toBe(survivor.id);
    expect(await auditCount('organisation', duplicateId)).toBe(1);
    expect(await auditCount('organisation', survivor.id)).toBeGreaterThanOrEqual(1);
    const again = await call('POST', `/api/organisations/${survivor.id}/merge`, admin, {
      duplicateId,
      version: merged.body.version,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details.fields[0].field).toBe('body.duplicateId');
  });

  it('suggests a pair that shares a website written differently', async () => {
    const a = await findOrg('VDMA NRW');
    const b = await findOrg('VCI NRW');
    for (const [id, value] of [
      [a.id, 'https://www.vdma-nrw.example/'],
      [b.id, 'vdma-nrw.example'],
    ] as const) {
      const current = await organisation(id);
      const res = await call('PATCH', `/api/organisations/${id}`, admin, {
        version: current.version,
        identifiers: [{ scheme: 'website', value }],
      });
      expect(res.status).toBe(200);
    }
    const { body } = await call('GET', '/api/organisations/duplicates?threshold=0.95', staff);
    const pair = body.items.find(
      (p: { a: { id: number }; b: { id: number } }) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join(),
    );
    expect(pair).toMatchObject({ score: 1, reasons: expect.arrayContaining(['same_website']) });
  });

  it('keeps people, roles and memberships, refusing bad input', async () => {
    const bad = await call('POST', '/api/people', staff, { name: 'X', email: 'kein-mail' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'body.email',
      'body.name',
    ]);
    expect((await call('POST', '/api/people', member, { name: 'Erika Muster' })).status).toBe(403);
    const person = await call('POST', '/api/people', staff, { name: 'Erika Muster', email: 'erika@example.org' });
    expect(person.status).toBe(200);
    expect(person.body.contact).toMatchObject({ email: 'erika@example.org', visibility: 'internal' });
    expect((await call('GET', `/api/people/${person.body.id}`)).body.contact).toBeNull();
    const klic = await findOrg('KLIC.Ruhr');
    const badRole = await call('POST', `/api/people/${person.body.id}/roles`, staff, {
      organisationId: klic.id,
      title: 'Leiterin',
      from: '2024-05-01',
      until: '2023-01-01',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details.fields[0].field).toBe('body.until');
    const withRole = await call('POST', `/api/people/${person.body.id}/roles`, staff, {
      organisationId: klic.id,
      title: 'Leiterin',
      from: '2024-05-01',
    });
    expect(withRole.body.roles[0]).toMatchObject({
      organisationName: klic.name,
      title: 'Leiterin',
      from: '2024-05-01',
      until: null,
    });
    const ended = await call('POST', `/api/person-roles/${withRole.body.roles[0].id}/end`, staff, {
      until: '2025-06-30',
    });
    expect(ended.body.roles[0].until).toBe('2025-06-30');

    const cluster = await findOrg('creative.nrw');
    const alliance = await findOrg('ClusterAllianz.NRW');
    const selfMember = await call('POST', '/api/memberships', staff, {
      kind: 'cluster_member',
      organisationId: klic.id,
      groupId: klic.id,
    });
    expect(selfMember.status).toBe(400);
    const membership = await call('POST', '/api/memberships', staff, {
      kind: 'alliance_member',
      organisationId: klic.id,
      groupId: alliance.id,
      from: '2025-01-01',
    });
    expect(membership.body).toMatchObject({
      kind: 'alliance_member',
      group: { name: 'ClusterAllianz.NRW' },
      from: '2025-01-01',
    });
    const members = (await organisation(alliance.id)).members.map((m) => m.organisation.name);
    expect(members).toEqual(expect.arrayContaining([cluster.name, klic.name]));
    expect(await auditCount('membership', membership.body.id)).toBe(1);
  });

  it('records delegation visits and indicator values of a partnership', async () => {
    const id = (await call('GET', '/api/partnerships')).body.items[0].id;
    const visit = await call('POST', `/api/partnerships/${id}/events`, staff, {
      kind: 'delegation_visit',
      title: 'Gegenbesuch einer Delegation aus Turin in Köln',
      date: '2026-03-12',
      places: ['Köln', 'Düsseldorf'],
      participants: [{ name: 'Delegation der Regione Piemonte' }],
      topics: ['Raumfahrt'],
      followUps: ['Workshop Satellitentechnologien'],
    });
    expect(visit.status).toBe(200);
    expect(visit.body.events[0]).toMatchObject({
      title: 'Gegenbesuch einer Delegation aus Turin in Köln',
      date: '2026-03-12',
    });
    const trade = visit.body.indicators.find((i: { key: string }) => i.key === 'trade_volume_nrw_italy');
    const added = await call('POST', `/api/partnerships/${id}/indicators/${trade.id}/values`, staff, {
      period: '2025',
      value: 26_100_000_000,
    });
    expect(
      added.body.indicators
        .find((i: { key: string }) => i.key === 'trade_volume_nrw_italy')
        .points.map((p: { period: string }) => p.period),
    ).toEqual(['2024', '2025']);
    const twice = await call('POST', `/api/partnerships/${id}/indicators/${trade.id}/values`, staff, {
      period: '2025',
      value: 1,
    });
    expect(twice.status).toBe(409);
    const badPeriod = await call('POST', `/api/partnerships/${id}/indicators/${trade.id}/values`, staff, {
      period: '25',
      value: 1,
    });
    expect(badPeriod.body.error.details.fields[0].field).toBe('body.period');
  });
});
