import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeResponse } from '../../../contracts/challenges';
import { todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Responses to a challenge: one per organisation, until the deadline, never by the owner itself;
// seen in full by the owner side and staff, by a respondent only its own; shortlist → select.

const shift = (days: number) => {
  const d = new Date(`${todayInGermany()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe.each(testTargets)('challenge responses on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let owner: Session;
  let memberB: Session;
  let memberC: Session;
  let memberD: Session;
  let staff: Session;
  /** Four public companies: A posts challenges, B, C and D answer them. */
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const challenge = async (title: string, extra: object = {}) =>
    (
      await call('POST', '/api/challenges', owner, {
        organisationId: a,
        title,
        problem: 'Wir suchen Sensorik für die Zustandsüberwachung unserer Pumpen.',
        language: 'de',
        deadline: shift(14),
        ...extra,
      })
    ).body.id as number;
  const respond = (id: number, who: Session | undefined, organisationId: number, summary = 'Wir liefern Sensoren.') =>
    call('POST', `/api/challenges/${id}/responses`, who, { organisationId, summary });
  const decide = (id: number, responseId: number, who: Session, status: string, version: number) =>
    call('POST', `/api/challenges/${id}/responses/${responseId}/status`, who, { status, version });
  const responseCount = async () =>
    Number((await queryRows<{ n: string }>(ctx.db, sql`select count(*) as n from challenge_responses`))[0]?.n);
  const organisationsOf = (items: ChallengeResponse[]) => items.map((r) => r.organisation.id).sort();

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const companies = (await call('GET', '/api/organisations?type=company&pageSize=4')).body.items;
    const [idA, idB, idC, idD] = companies.map((o: { id: number }) => o.id);
    [a, b, c, d] = [idA, idB, idC, idD];
    const users: [string, number][] = [
      ['owner', idA],
      ['b', idB],
      ['c', idC],
      ['d', idD],
    ];
    for (const [name, organisationId] of users) {
      await createTestUser(ctx.db, `${name}@responses.example.org`, [{ role: 'organisation_member', organisationId }]);
    }
    await createTestUser(ctx.db, 'staff@responses.example.org', [{ role: 'agency_staff', organisationId: idD }]);
    owner = await signIn(ctx.app, 'owner@responses.example.org');
    memberB = await signIn(ctx.app, 'b@responses.example.org');
    memberC = await signIn(ctx.app, 'c@responses.example.org');
    memberD = await signIn(ctx.app, 'd@responses.example.org');
    staff = await signIn(ctx.app, 'staff@responses.example.org');
  });
  afterAll(() => ctx?.close());

  it('takes one response per organisation; refuses the own organisation, foreign organisations and bad input', async () => {
    const id = await challenge('Zustandsüberwachung');
    const first = await respond(id, memberB, b);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      challengeId: id,
      organisation: { id: b },
      summary: 'Wir liefern Sensoren.',
      status: 'submitted',
      version: 1,
    });
    const audit = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from audit_log where entity_type = 'challenge_response' and entity_id = ${String(first.body.id)}`,
    );
    expect(Number(audit[0]?.n)).toBe(1);

    const before = await responseCount();
    const twice = await respond(id, memberB, b, 'Noch einmal');
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    const own = await respond(id, owner, a);
    expect(own.status).toBe(400);
    expect(own.body.error.details.fields).toEqual([
      { field: 'body.organisationId', reason: 'Die Organisation der Challenge kann nicht selbst antworten' },
    ]);
    expect((await respond(id, memberB, c)).status).toBe(403);
    expect((await respond(id, undefined, b)).status).toBe(401);
    const long = await respond(id, memberC, c, 'x'.repeat(5001));
    expect(long.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.summary']);
    const empty = await call('POST', `/api/challenges/${id}/responses`, memberC, { summary: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'body.organisationId',
      'body.summary',
    ]);
    expect((await respond(999_999, memberC, c)).status).toBe(404);
    expect(await responseCount()).toBe(before);
  });

  it('takes responses until the deadline day (Europe/Berlin) and refuses them once it has passed', async () => {
    const today = await challenge('Frist heute', { deadline: shift(0) });
    expect((await respond(today, memberB, b)).status).toBe(201);
    const passed = await challenge('Frist vorbei', { deadline: shift(3) });
    await ctx.db.execute(sql`update challenges set deadline = ${shift(-1)}::date where id = ${passed}`);
    const before = await responseCount();
    const late = await respond(passed, memberB, b);
    expect(late.status).toBe(409);
    expect(late.body.error.details).toEqual({ deadline: shift(-1) });
    expect(await responseCount()).toBe(before);
    expect((await call('GET', `/api/challenges/${passed}`)).body).toMatchObject({ status: 'closed', daysLeft: null });
  });

  it('needs an invitation to answer an invite-only challenge, also for staff who see it', async () => {
    const id = await challenge('Nur auf Einladung', { visibility: 'invite_only' });
    // The agency staff member speaks for D and sees invite-only challenges, but D is not invited.
    expect((await call('GET', `/api/challenges/${id}`, staff)).status).toBe(200);
    const uninvited = await respond(id, staff, d);
    expect(uninvited.status).toBe(403);
    await call('POST', `/api/challenges/${id}/invitations`, owner, { organisationIds: [c] });
    expect((await respond(id, memberC, c)).status).toBe(201);
    const invitations = (await call('GET', `/api/challenges/${id}/invitations`, owner)).body.items;
    expect(invitations).toMatchObject([{ organisation: { id: c }, response: { status: 'submitted' } }]);
  });

  it('shows all responses to the owner side and staff, a respondent only its own, others none', async () => {
    const id = await challenge('Wer sieht was');
    const fromB = (await respond(id, memberB, b)).body.id;
    await respond(id, memberC, c);
    const url = `/api/challenges/${id}/responses`;
    expect(organisationsOf((await call('GET', url, owner)).body.items)).toEqual([b, c].sort());
    expect((await call('GET', url, staff)).body.total).toBe(2);
    const own = await call('GET', url, memberB);
    expect(own.body).toMatchObject({ total: 1, items: [{ id: fromB, organisation: { id: b } }] });
    expect((await call('GET', url, memberD)).body).toEqual({ items: [], total: 0 });
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', `${url}?status=selected`, owner)).body.total).toBe(0);
    expect((await call('GET', `${url}?status=maybe`, owner)).status).toBe(400);
    // Everyone sees how many answered; only the owner side and staff by status.
    expect((await call('GET', `/api/challenges/${id}`)).body).toMatchObject({
      responseCount: 2,
      responsesByStatus: null,
    });
    expect((await call('GET', `/api/challenges/${id}`, owner)).body.responsesByStatus).toEqual({
      submitted: 2,
      shortlisted: 0,
      selected: 0,
      declined: 0,
    });
  });

  it('shortlists and then selects a response; selected only from the shortlist; stale versions 409; audited', async () => {
    const id = await challenge('Auswahl');
    const other = await challenge('Andere');
    const fromB = (await respond(id, memberB, b)).body.id as number;
    const fromC = (await respond(id, memberC, c)).body.id as number;

    const early = await decide(id, fromB, owner, 'selected', 1);
    expect(early.status).toBe(409);
    expect(early.body.error.details).toEqual({ status: 'submitted', allowed: ['shortlisted', 'declined'] });
    expect((await decide(id, fromB, memberB, 'shortlisted', 1)).status).toBe(403);
    expect((await decide(id, fromB, staff, 'shortlisted', 1)).status).toBe(403);
    expect((await decide(other, fromB, owner, 'shortlisted', 1)).status).toBe(404);
    const bad = await decide(id, fromB, owner, 'submitted', 1);
    expect(bad.body.error.details.fields[0].field).toBe('body.status');

    const shortlisted = await decide(id, fromB, owner, 'shortlisted', 1);
    expect(shortlisted.status).toBe(200);
    expect(shortlisted.body).toMatchObject({ status: 'shortlisted', version: 2 });
    expect((await decide(id, fromB, owner, 'selected', 1)).status).toBe(409);
    // Decisions go on after the challenge is closed.
    await call('POST', `/api/challenges/${id}/close`, owner, { version: 1 });
    const selected = await decide(id, fromB, owner, 'selected', 2);
    expect(selected.body).toMatchObject({ status: 'selected', version: 3 });
    expect((await decide(id, fromB, owner, 'declined', 3)).status).toBe(409);
    expect((await decide(id, fromC, owner, 'declined', 1)).body.status).toBe('declined');
    expect((await decide(id, fromC, owner, 'shortlisted', 2)).body.status).toBe('shortlisted');

    expect((await call('GET', `/api/challenges/${id}/responses`, memberB)).body.items[0].status).toBe('selected');
    expect((await call('GET', `/api/challenges/${id}`, owner)).body.responsesByStatus).toEqual({
      submitted: 0,
      shortlisted: 1,
      selected: 1,
      declined: 0,
    });
    const audit = await queryRows<{ action: string; after: { status: string } }>(
      ctx.db,
      sql`select action, after from audit_log where entity_type = 'challenge_response' and entity_id = ${String(fromB)}
        order by id`,
    );
    expect(audit.map((r) => [r.action, r.after.status])).toEqual([
      ['create', 'submitted'],
      ['status', 'shortlisted'],
      ['status', 'selected'],
    ]);
  });
});
