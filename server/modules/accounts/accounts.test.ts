import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { apiTokens, outbox, passwordResets, users } from '../../db/schema';
import { createTestUser, signIn, TEST_PASSWORD } from '../../test/accounts';
import { createTestDatabase, testTargets } from '../../test/database';

describe.each(testTargets)('accounts and sign-in on %s', (target) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(target);
    app = await buildApp({ db: database.db });
    app.log.info = ((msg: string) => logs.push(String(msg))) as typeof app.log.info;
    await createTestUser(database.db, 'office@example.org', [{ role: 'programme_office' }]);
    await createTestUser(database.db, 'admin@example.org', [{ role: 'admin' }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const login = (email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: `10.0.0.${email.length}`,
    });

  it('signs in with e-mail and password and sets a HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await login('Office@Example.org', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^standort_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] as string } });
    expect(me.json()).toMatchObject({
      email: 'office@example.org',
      roles: [{ role: 'programme_office', programmeId: null }],
    });
  });

  it('stores passwords only as scrypt hashes and session cookies only as digests', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.email, 'office@example.org'));
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('answers a wrong password with 401 invalid_credentials and anonymous /me with 401 unauthenticated', async () => {
    const res = await login('admin@example.org', 'falsch-falsch-falsch');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    const me = await app.inject('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });

  it('backs off after repeated wrong passwords: 20 in a row end in 429, even for the right one', async () => {
    await createTestUser(database.db, 'target@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login('target@example.org', `wrong-${i}-password`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const right = await login('target@example.org', TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('rate_limited');
  });

  it('signs out, and signs out everywhere', async () => {
    const a = await signIn(app, 'office@example.org');
    const b = await signIn(app, 'office@example.org');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(200);
    const c = await signIn(app, 'office@example.org');
    const all = await app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: c.headers });
    expect(all.json().sessions).toBeGreaterThanOrEqual(2);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await signIn(app, 'office@example.org');
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('changes the password after checking the current one and ends other sessions', async () => {
    await createTestUser(database.db, 'changer@example.org');
    const a = await signIn(app, 'changer@example.org');
    const b = await signIn(app, 'changer@example.org');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: 'nicht-das-richtige', newPassword: 'ein-ganz-neues-Passwort' },
    });
    expect(wrong.statusCode).toBe(401);
    const tooShort = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'kurz' },
    });
    expect(tooShort.json().error.details.fields[0].field).toBe('body.newPassword');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ein-ganz-neues-Passwort' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(401);
    expect((await login('changer@example.org', 'ein-ganz-neues-Passwort')).statusCode).toBe(200);
  });

  it('resets a password with a one-time token from the outbox that works once and expires', async () => {
    await createTestUser(database.db, 'forgetful@example.org');
    const request = () =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'forgetful@example.org' } });
    expect((await request()).statusCode).toBe(202);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'nobody@example.org' },
    });
    expect(unknown.statusCode).toBe(202);
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'forgetful@example.org'));
    const token = /token=([\w-]+)/.exec(mail?.body ?? '')?.[1] as string;
    expect(token).toBeTruthy();
    expect(logs.some((l) => l.includes('forgetful@example.org'))).toBe(true);
    const confirm = (newPassword: string, t = token) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: t, newPassword } });
    expect((await confirm('wieder-ein-neues-Passwort')).statusCode).toBe(200);
    const again = await confirm('noch-ein-anderes-Passwort');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    expect((await login('forgetful@example.org', 'wieder-ein-neues-Passwort')).statusCode).toBe(200);

    expect((await request()).statusCode).toBe(202);
    const mails = await database.db.select().from(outbox).where(eq(outbox.recipient, 'forgetful@example.org'));
    const second = /token=([\w-]+)/.exec(mails.at(-1)?.body ?? '')?.[1] as string;
    await database.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 minute'` });
    expect((await confirm('abgelaufenes-Passwort-1', second)).json().error.code).toBe('invalid_token');
  });

  it('issues API tokens shown once, scoped, revocable and expiring', async () => {
    const s = await signIn(app, 'office@example.org');
    const created = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: s.headers,
      payload: { name: 'Lesezugriff', scopes: ['read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^stdt_/);
    const listed = await app.inject({ url: '/api/auth/tokens', headers: { cookie: s.cookie } });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const [stored] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(stored?.tokenHash).not.toBe(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/projects', headers: bearer })).statusCode).toBe(200);
    const write = await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: bearer,
      payload: { slug: 'nur-lesen', name: 'Darf nicht entstehen' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('forbidden');
    const mint = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'Eskalation', scopes: ['write'], expiresInDays: 1 },
    });
    expect(mint.statusCode).toBe(403);

    const revoke = await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: s.headers });
    expect(revoke.statusCode).toBe(200);
    const afterRevoke = await app.inject({ url: '/api/projects', headers: bearer });
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().error.code).toBe('unauthenticated');

    const expiring = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: s.headers,
      payload: { name: 'Kurz', scopes: ['portfolio:write'], expiresInDays: 1 },
    });
    const short = expiring.json();
    await database.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, short.id));
    expect(
      (await app.inject({ url: '/api/projects', headers: { authorization: `Bearer ${short.token}` } })).statusCode,
    ).toBe(401);
  });

  it('lets admins create and change accounts and roles, and nobody else', async () => {
    const admin = await signIn(app, 'admin@example.org');
    const office = await signIn(app, 'office@example.org');
    const payload = { email: 'neu@example.org', name: 'Neue Person', roles: [{ role: 'funding_officer' }] };
    const denied = await app.inject({ method: 'POST', url: '/api/users', headers: office.headers, payload });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(created.statusCode).toBe(201);
    const duplicate = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(duplicate.statusCode).toBe(409);
    const badEmail = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { ...payload, email: 'kaputt' },
    });
    expect(badEmail.json().error.details.fields[0].field).toBe('body.email');
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: admin.headers,
      payload: { isActive: false, roles: [{ role: 'programme_office', programmeId: null }] },
    });
    expect(changed.json()).toMatchObject({ isActive: false, roles: [{ role: 'programme_office' }] });
    const unscoped = await app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: admin.headers,
      payload: { roles: [{ role: 'agency_staff' }] },
    });
    expect(unscoped.statusCode).toBe(400);
    expect(unscoped.json().error.details.fields[0].field).toBe('body.roles.0.organisationId');
  });

  it('marks the session cookie Secure behind a trusted https proxy', async () => {
    const proxied = await buildApp({ db: database.db, trustProxy: true, oidc: null });
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'admin@example.org', password: TEST_PASSWORD },
    });
    expect(String(res.headers['set-cookie'])).toContain('Secure');
    await proxied.close();
  });

  it('refuses request bodies over 1 MB', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.org', password: 'x'.repeat(1_100_000) },
    });
    expect(res.statusCode).toBe(413);
  });

  it('sends security headers and hides internals in errors', async () => {
    const res = await app.inject('/api/projects?page=0');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.body).not.toMatch(/at .*\.ts:\d+|select |SQLSTATE/i);
  });
});
