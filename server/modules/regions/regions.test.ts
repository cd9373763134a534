import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { DATA_DIR } from '../../config';
import type { Database } from '../../db/client';
import { createTestDatabase, testTargets } from '../../test/database';
import { runImport } from '../imports';

describe.each(testTargets)('regions API on %s', (target) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const get = async (url: string) => {
    const res = await app.inject(url);
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    database = await createTestDatabase(target);
    await runImport(database.db, 'regions-de', path.join(DATA_DIR, 'admin-de', 'gemeinden_nrw.csv'));
    await runImport(database.db, 'regions-it', path.join(DATA_DIR, 'admin-it', 'comuni_piemonte_istat_2020.csv'));
    app = await buildApp({ db: database.db });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('finds regions by name, names starting with the query first', async () => {
    const { body } = await get('/api/regions?q=Dortmund');
    expect(body.items.map((r: { name: string; level: string }) => `${r.name}/${r.level}`)).toEqual([
      'Dortmund/district',
      'Dortmund/municipality',
    ]);
    const torino = await get('/api/regions?q=Torino&level=province');
    expect(torino.body.items).toEqual([expect.objectContaining({ name: 'Torino', code: '001' })]);
  });

  it('shows one region with its key, NUTS-3 code and ancestors', async () => {
    const search = await get('/api/regions?q=Dortmund&level=municipality');
    const { status, body } = await get(`/api/regions/${search.body.items[0].id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Dortmund', code: '05913000', nuts3: 'DEA52' });
    expect(body.path.map((r: { name: string }) => r.name)).toEqual([
      'Nordrhein-Westfalen',
      'Arnsberg',
      'Dortmund',
      'Dortmund',
    ]);
  });

  it('answers 404 not_found for an unknown region and 400 for a bad level', async () => {
    expect((await get('/api/regions/999999')).body.error.code).toBe('not_found');
    const bad = await get('/api/regions?level=planet');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('querystring.level');
  });
});
