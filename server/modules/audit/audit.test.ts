import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { createTestDatabase, testTargets } from '../../test/database';

describe.each(testTargets)('audit log on %s', (target) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: Session;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    app = await buildApp({ db: database.db });
    await createTestUser(database.db, 'admin@example.org', [{ role: 'admin' }]);
    admin = await signIn(app, 'admin@example.org');
    await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: admin.headers,
      payload: { slug: 'zukunftsdialog', name: 'Zukunftsdialog Industrie', owner: 'MWIKE, "Referat" =1' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('records who did what with before and after values, newest first, filterable', async () => {
    const res = await app.inject({ url: '/api/audit?entityType=programme&action=create', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      actorName: 'admin',
      actorVia: 'session',
      action: 'create',
      entityType: 'programme',
      before: null,
      after: { slug: 'zukunftsdialog', name: 'Zukunftsdialog Industrie' },
    });
    const all = (await app.inject({ url: '/api/audit', headers: admin.headers })).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual(['create', 'sign_in', 'create']);
    const none = await app.inject({ url: '/api/audit?from=2000-01-01&to=2000-12-31', headers: admin.headers });
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('exports the log as CSV, safe to open in a spreadsheet', async () => {
    const res = await app.inject({ url: '/api/audit/export.csv?entityType=programme', headers: admin.headers });
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor_user_id,actor_name,actor_via,action,entity_type,entity_id,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('zukunftsdialog');
    expect(lines[1]).toContain('MWIKE, \\""Referat\\"" =1');
    expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,/);
  });

  it('cannot be edited: the database refuses updates and deletes', async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const { total } = (await app.inject({ url: '/api/audit?action=forged', headers: admin.headers })).json();
    expect(total).toBe(0);
  });
});
