import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { createTestDatabase, testTargets } from '../../test/database';

describe.each(testTargets)('personal data on %s', (target) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: Session;
  let erin: Session;
  let erinId: number;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    app = await buildApp({ db: database.db });
    await createTestUser(database.db, 'admin@example.org', [{ role: 'admin' }]);
    const erinUser = await createTestUser(database.db, 'erin.beispiel@example.org', [{ role: 'programme_office' }]);
    erinId = erinUser.id;
    await createTestUser(database.db, 'other@example.org');
    admin = await signIn(app, 'admin@example.org');
    erin = await signIn(app, 'erin.beispiel@example.org');
    await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: erin.headers,
      payload: { slug: 'erins-programm', name: 'Programm von Erin' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: erin.headers,
      payload: { name: 'Erins Skript', scopes: ['read'], expiresInDays: 5 },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'erin.beispiel@example.org' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('exports everything held about a person to that person and to admins only', async () => {
    const own = await app.inject({ url: `/api/users/${erinId}/personal-data`, headers: erin.headers });
    expect(own.statusCode).toBe(200);
    const data = own.json();
    expect(data.account).toMatchObject({ email: 'erin.beispiel@example.org', roles: [{ role: 'programme_office' }] });
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: 'Erins Skript' })]);
    expect(data.mails).toHaveLength(1);
    expect(data.actions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['sign_in', 'create']),
    );
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|scrypt\$/);
    const other = await signIn(app, 'other@example.org');
    expect((await app.inject({ url: `/api/users/${erinId}/personal-data`, headers: other.headers })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: `/api/users/${erinId}/personal-data`, headers: admin.headers })).statusCode).toBe(
      200,
    );
  });

  it('erases a person from every API response but keeps the records they touched', async () => {
    expect(
      (await app.inject({ method: 'POST', url: `/api/users/${erinId}/erase`, headers: erin.headers })).statusCode,
    ).toBe(403);
    const res = await app.inject({ method: 'POST', url: `/api/users/${erinId}/erase`, headers: admin.headers });
    expect(res.statusCode).toBe(200);

    const responses = await Promise.all(
      [
        '/api/users?pageSize=200',
        `/api/users/${erinId}`,
        '/api/audit?pageSize=200',
        `/api/audit?actorUserId=${erinId}`,
        `/api/users/${erinId}/personal-data`,
        '/api/programmes',
      ].map((url) => app.inject({ url, headers: admin.headers })),
    );
    const csv = await app.inject({ url: '/api/audit/export.csv', headers: admin.headers });
    for (const body of [...responses.map((r) => r.body), csv.body]) {
      expect(body).not.toMatch(/erin\.beispiel|erin\.beispiel@example\.org/i);
    }
    const programme = responses[5]?.json().items.find((p: { slug: string }) => p.slug === 'erins-programm');
    expect(programme).toMatchObject({ name: 'Programm von Erin' });
    expect(responses[1]?.json()).toMatchObject({
      name: `Gelöschte Person ${erinId}`,
      email: null,
      isActive: false,
      roles: [],
    });

    expect((await app.inject({ url: '/api/auth/me', headers: erin.headers })).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'erin.beispiel@example.org', password: 'korrekt-Pferd-Batterie-42' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('does not let an admin erase their own account', async () => {
    const me = (await app.inject({ url: '/api/auth/me', headers: admin.headers })).json();
    expect(
      (await app.inject({ method: 'POST', url: `/api/users/${me.id}/erase`, headers: admin.headers })).statusCode,
    ).toBe(403);
  });
});
