import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeListItem } from '../../../contracts/challenges';
import { todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { analyseText, matchKeysOf } from '../matching';

// Challenges: posted by those who speak for an organisation, concepts from the text unless given,
// public or invite-only, invitations, edits with versions, closing; refusals name the field.

const shift = (days: number) => {
  const d = new Date(`${todayInGermany()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const hydrogen = {
  title: 'Wasserstoff-Elektrolyseure für die Stahlproduktion',
  problem:
    'Wir suchen Firmen, die Elektrolyseure im Megawattbereich an unsere Stahlproduktion anbinden und die Abwärme nutzen.',
};

describe.each(testTargets)('challenges on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let owner: Session;
  let memberB: Session;
  let memberC: Session;
  let staff: Session;
  /** Three public companies: A posts challenges, B and C answer them. */
  let a: number;
  let b: number;
  let c: number;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const draft = (extra: object = {}) => ({
    organisationId: a,
    ...hydrogen,
    language: 'de',
    deadline: shift(30),
    ...extra,
  });
  const post = (payload: object, who = owner) => call('POST', '/api/challenges', who, payload);
  const count = async (table: 'challenges' | 'challenge_invitations' | 'audit_log') =>
    Number((await queryRows<{ n: string }>(ctx.db, sql`select count(*) as n from ${sql.raw(table)}`))[0]?.n);
  const titles = async (query: string, who?: Session): Promise<string[]> =>
    (await call('GET', `/api/challenges?pageSize=200&${query}`, who)).body.items.map((i: ChallengeListItem) => i.title);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const companies = (await call('GET', '/api/organisations?type=company&pageSize=3')).body.items;
    [a, b, c] = companies.map((o: { id: number }) => o.id);
    await createTestUser(ctx.db, 'owner@challenges.example.org', [{ role: 'organisation_member', organisationId: a }]);
    await createTestUser(ctx.db, 'b@challenges.example.org', [{ role: 'organisation_member', organisationId: b }]);
    await createTestUser(ctx.db, 'c@challenges.example.org', [{ role: 'organisation_member', organisationId: c }]);
    await createTestUser(ctx.db, 'staff@challenges.example.org', [{ role: 'funding_officer' }]);
    owner = await signIn(ctx.app, 'owner@challenges.example.org');
    memberB = await signIn(ctx.app, 'b@challenges.example.org');
    memberC = await signIn(ctx.app, 'c@challenges.example.org');
    staff = await signIn(ctx.app, 'staff@challenges.example.org');
  });
  afterAll(() => ctx?.close());

  it('posts a challenge for its organisation with the concepts of its text, match keys and terms; audited', async () => {
    const created = await post(draft());
    expect(created.status).toBe(201);
    const analysis = await analyseText(ctx.db, `${hydrogen.title}\n${hydrogen.problem}`);
    const keys = analysis.concepts.map((k) => k.key);
    expect(keys).toContain('tech:hydrogen');
    expect(created.body).toMatchObject({
      title: hydrogen.title,
      organisation: { id: a },
      language: 'de',
      status: 'open',
      daysLeft: 30,
      visibility: 'public',
      responseCount: 0,
      responsesByStatus: { submitted: 0, shortlisted: 0, selected: 0, declined: 0 },
      invitationCount: 0,
      canEdit: true,
      version: 1,
    });
    expect(created.body.concepts.map((k: { key: string }) => k.key)).toEqual(keys);
    expect(created.body.concepts[0].labels.de).toEqual(expect.any(String));
    const [row] = await queryRows<{ concept_keys: string[]; match_keys: string[]; terms: string[] }>(
      ctx.db,
      sql`select concept_keys, match_keys, terms from challenges where id = ${created.body.id}`,
    );
    expect(row).toEqual({ concept_keys: keys, match_keys: matchKeysOf(keys), terms: analysis.terms });
    const audit = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from audit_log where entity_type = 'challenge' and entity_id = ${String(created.body.id)}`,
    );
    expect(Number(audit[0]?.n)).toBe(1);
  });

  it('keeps given concept keys, with the NACE division above a class among the match keys', async () => {
    const created = await post(
      draft({ title: 'Greifer', conceptKeys: ['tech:robotics', 'nace:28.11', 'tech:robotics'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.concepts.map((k: { key: string }) => k.key)).toEqual(['tech:robotics', 'nace:28.11']);
    const [row] = await queryRows<{ match_keys: string[] }>(
      ctx.db,
      sql`select match_keys from challenges where id = ${created.body.id}`,
    );
    expect(row?.match_keys).toEqual(['tech:robotics', 'nace:28.11', 'nace:28']);
    const none = await post(draft({ title: 'Ohne Begriffe', conceptKeys: [] }));
    expect(none.body.concepts).toEqual([]);
  });

  it('refuses authors who do not speak for the organisation: 401 anonymous, 403 another organisation', async () => {
    const before = await count('challenges');
    expect((await call('POST', '/api/challenges', undefined, draft())).status).toBe(401);
    const foreign = await post(draft(), memberB);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    expect((await post(draft(), staff)).status).toBe(403);
    expect(await count('challenges')).toBe(before);
  });

  it('refuses bad challenges with 400 naming the field and writes nothing', async () => {
    const before = { challenges: await count('challenges'), audit: await count('audit_log') };
    const field = async (payload: object) => {
      const res = await post(payload);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      return res.body.error.details.fields.map((f: { field: string }) => f.field);
    };
    expect(await field(draft({ problem: 'x'.repeat(5001) }))).toEqual(['body.problem']);
    expect(await field(draft({ title: '  ' }))).toEqual(['body.title']);
    expect(await field(draft({ language: 'fr' }))).toEqual(['body.language']);
    expect(await field(draft({ visibility: 'secret' }))).toEqual(['body.visibility']);
    expect(await field(draft({ deadline: '31.12.2030' }))).toEqual(['body.deadline']);
    expect(await field(draft({ conceptKeys: ['robotics'] }))).toEqual(['body.conceptKeys.0']);
    const unknown = await post(draft({ conceptKeys: ['tech:robotics', 'tech:alchemy', 'nace:99.99'] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields).toEqual([
      { field: 'body.conceptKeys.1', reason: 'Begriff tech:alchemy gibt es nicht' },
      { field: 'body.conceptKeys.2', reason: 'Begriff nace:99.99 gibt es nicht' },
    ]);
    expect(await field(draft({ deadline: shift(-1) }))).toEqual(['body.deadline']);
    expect(await field(draft({ organisationId: 999_999_999 }))).toEqual(['body.organisationId']);
    expect(await field({ organisationId: a, title: 'Nur ein Titel' })).toEqual(
      expect.arrayContaining(['body.problem', 'body.language', 'body.deadline']),
    );
    expect({ challenges: await count('challenges'), audit: await count('audit_log') }).toEqual(before);
    // Today is still a valid deadline.
    expect((await post(draft({ title: 'Heute noch', deadline: shift(0) }))).body.daysLeft).toBe(0);
  });

  it('lists public challenges for everyone, open ones first by nearest deadline, with filters', async () => {
    await post(draft({ title: 'Liste spät', deadline: shift(60), conceptKeys: ['tech:photonics'] }));
    await post(draft({ title: 'Liste früh', deadline: shift(5), conceptKeys: ['nace:26.11'] }));
    const closing = (await post(draft({ title: 'Liste geschlossen', deadline: shift(2) }))).body;
    await call('POST', `/api/challenges/${closing.id}/close`, owner, { version: closing.version });
    const list = await call('GET', '/api/challenges?q=Liste');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((i: ChallengeListItem) => [i.title, i.status, i.daysLeft])).toEqual([
      ['Liste früh', 'open', 5],
      ['Liste spät', 'open', 60],
      ['Liste geschlossen', 'closed', null],
    ]);
    const all = (await call('GET', '/api/challenges?pageSize=200')).body.items as ChallengeListItem[];
    const firstClosed = all.findIndex((i) => i.status === 'closed');
    expect(all.slice(firstClosed).every((i) => i.status === 'closed')).toBe(true);
    const openDeadlines = all.slice(0, firstClosed).map((i) => i.deadline);
    expect(openDeadlines).toEqual([...openDeadlines].sort());
    expect(await titles('q=Liste&status=closed')).toEqual(['Liste geschlossen']);
    expect(await titles('q=Liste&status=open')).toEqual(['Liste früh', 'Liste spät']);
    expect(await titles('q=Liste&concept=tech:photonics')).toEqual(['Liste spät']);
    // A NACE division finds the challenges of its classes.
    expect(await titles('q=Liste&concept=nace:26')).toEqual(['Liste früh']);
    expect(await titles(`q=Liste&organisationId=${b}`)).toEqual([]);
    expect(await titles(`q=Liste&organisationId=${a}`)).toHaveLength(3);
    const bad = await call('GET', '/api/challenges?concept=photonics&status=someday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'querystring.concept',
      'querystring.status',
    ]);
  });

  it('shows invite-only challenges to the owner side, invited organisations and staff only', async () => {
    const created = (await post(draft({ title: 'Geheime Challenge', visibility: 'invite_only' }))).body;
    const url = `/api/challenges/${created.id}`;
    expect((await call('GET', url)).status).toBe(404);
    expect((await call('GET', url, memberB)).status).toBe(404);
    expect(await titles('q=Geheime')).toEqual([]);
    expect(await titles('q=Geheime', memberB)).toEqual([]);
    expect((await call('GET', url, owner)).status).toBe(200);
    expect((await call('GET', url, staff)).body).toMatchObject({ canEdit: false, invitationCount: 0 });
    expect(await titles('q=Geheime', staff)).toEqual(['Geheime Challenge']);

    const invited = await call('POST', `${url}/invitations`, owner, { organisationIds: [b] });
    expect(invited.status).toBe(200);
    expect(invited.body.items).toMatchObject([{ organisation: { id: b }, response: null }]);
    const seen = await call('GET', url, memberB);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ canEdit: false, responsesByStatus: null, invitationCount: null });
    expect(await titles('q=Geheime', memberB)).toEqual(['Geheime Challenge']);
    expect((await call('GET', url, memberC)).status).toBe(404);
    // The invited organisation may respond; the uninvited cannot even see the challenge.
    const answer = { organisationId: b, summary: 'Wir bauen Elektrolyseure.' };
    expect((await call('POST', `${url}/responses`, memberB, answer)).status).toBe(201);
    expect((await call('POST', `${url}/responses`, memberC, { ...answer, organisationId: c })).status).toBe(404);
  });

  it('invites organisations idempotently with one audit entry per change; refuses unknown ones and others than the owner side', async () => {
    const created = (await post(draft({ title: 'Einladungen', visibility: 'invite_only' }))).body;
    const url = `/api/challenges/${created.id}/invitations`;
    const audits = async () =>
      Number(
        (
          await queryRows<{ n: string }>(
            ctx.db,
            sql`select count(*) as n from audit_log where entity_type = 'challenge' and entity_id = ${String(created.id)}
              and action = 'invite'`,
          )
        )[0]?.n,
      );
    expect((await call('POST', url, owner, { organisationIds: [b, c, b] })).body.items).toHaveLength(2);
    expect(await audits()).toBe(1);
    const again = await call('POST', url, owner, { organisationIds: [b] });
    expect(again.status).toBe(200);
    expect(again.body.items.map((i: { organisation: { id: number } }) => i.organisation.id).sort()).toEqual(
      [b, c].sort(),
    );
    expect(await audits()).toBe(1);

    const before = await count('challenge_invitations');
    const unknown = await call('POST', url, owner, { organisationIds: [b, 999_999_999, a] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields).toEqual([
      { field: 'body.organisationIds.1', reason: 'Organisation 999999999 gibt es nicht' },
      { field: 'body.organisationIds.2', reason: 'Die eigene Organisation kann nicht eingeladen werden' },
    ]);
    const empty = await call('POST', url, owner, { organisationIds: [] });
    expect(empty.body.error.details.fields[0].field).toBe('body.organisationIds');
    expect(await count('challenge_invitations')).toBe(before);

    // Invited B sees the challenge but not its invitations, and may not invite.
    expect((await call('POST', url, memberB, { organisationIds: [c] })).status).toBe(403);
    expect((await call('GET', url, memberB)).status).toBe(403);
    expect((await call('GET', url, staff)).body.items).toHaveLength(2);
    expect((await call('GET', url, owner)).status).toBe(200);
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', '/api/challenges/999999/invitations', owner)).status).toBe(404);
  });

  it('answers invitee suggestions to the owner side and staff only', async () => {
    const created = (await post(draft({ title: 'Vorschläge', visibility: 'invite_only' }))).body;
    const url = `/api/challenges/${created.id}/invitee-suggestions`;
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', url, memberB)).status).toBe(404);
    // Invited, B sees the challenge, but suggestions are for the owner side and staff.
    await call('POST', `/api/challenges/${created.id}/invitations`, owner, { organisationIds: [b] });
    expect((await call('GET', url, memberB)).status).toBe(403);
    expect((await call('GET', `${url}?limit=0`, owner)).status).toBe(400);
    const suggested = await call('GET', `${url}?limit=5`, owner);
    expect(suggested.status, JSON.stringify(suggested.body)).toBe(200);
    expect(suggested.body.items.length).toBeLessThanOrEqual(5);
    expect((await call('GET', url, staff)).status).toBe(200);
  });

  it('edits with the version read: stale 409, bad input 400, concepts follow the text unless chosen', async () => {
    const created = (await post(draft({ title: 'Roboter für die Montage' }))).body;
    const url = `/api/challenges/${created.id}`;
    expect(created.concepts.map((k: { key: string }) => k.key)).toContain('tech:robotics');
    const edited = await call('PATCH', url, owner, { version: 1, ...hydrogen, visibility: 'invite_only' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, title: hydrogen.title, visibility: 'invite_only' });
    const keys = edited.body.concepts.map((k: { key: string }) => k.key);
    expect(keys).toContain('tech:hydrogen');
    expect(keys).not.toContain('tech:robotics');
    const [row] = await queryRows<{ terms: string[] }>(
      ctx.db,
      sql`select terms from challenges where id = ${created.id}`,
    );
    expect(row?.terms).toEqual((await analyseText(ctx.db, `${hydrogen.title}\n${hydrogen.problem}`)).terms);

    expect((await call('PATCH', url, owner, { version: 1, title: 'Alt' })).status).toBe(409);
    const chosen = await call('PATCH', url, owner, { version: 2, conceptKeys: ['tech:photonics'] });
    expect(chosen.body.concepts.map((k: { key: string }) => k.key)).toEqual(['tech:photonics']);
    // Chosen concepts stay when the text changes.
    const retitled = await call('PATCH', url, owner, { version: 3, title: 'Roboter für die Montage' });
    expect(retitled.body.concepts.map((k: { key: string }) => k.key)).toEqual(['tech:photonics']);

    const auditBefore = await count('audit_log');
    const late = await call('PATCH', url, owner, { version: 4, deadline: shift(-3), conceptKeys: ['tech:nothing'] });
    expect(late.status).toBe(400);
    expect(late.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'body.conceptKeys.0',
      'body.deadline',
    ]);
    expect((await call('PATCH', url, owner, { version: 4, problem: 'x'.repeat(5001) })).status).toBe(400);
    expect((await call('PATCH', url, owner, { title: 'ohne Version' })).body.error.details.fields[0].field).toBe(
      'body.version',
    );
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await call('GET', url, owner)).body.version).toBe(4);
    expect((await call('PATCH', url, staff, { version: 4 })).status).toBe(403);
    expect((await call('PATCH', url, memberB, { version: 4 })).status).toBe(404);
    expect((await call('PATCH', '/api/challenges/999999', owner, { version: 1 })).status).toBe(404);
  });

  it('closes a challenge for the owner side: no more edits, invitations or responses; closing twice is 409', async () => {
    const created = (await post(draft({ title: 'Zu schließen' }))).body;
    const url = `/api/challenges/${created.id}`;
    expect((await call('POST', `${url}/close`, memberB, { version: 1 })).status).toBe(403);
    expect((await call('POST', `${url}/close`, owner, { version: 7 })).status).toBe(409);
    const closed = await call('POST', `${url}/close`, owner, { version: 1 });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', daysLeft: null, version: 2 });
    expect((await call('POST', `${url}/close`, owner, { version: 2 })).status).toBe(409);
    expect((await call('PATCH', url, owner, { version: 2, title: 'Neu' })).status).toBe(409);
    expect((await call('POST', `${url}/invitations`, owner, { organisationIds: [b] })).status).toBe(409);
    const late = await call('POST', `${url}/responses`, memberB, { organisationId: b, summary: 'Zu spät' });
    expect(late.status).toBe(409);
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`select action from audit_log where entity_type = 'challenge' and entity_id = ${String(created.id)} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual(['create', 'close']);
  });
});
