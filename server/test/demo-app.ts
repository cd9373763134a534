import { buildApp } from '../app';
import type { Database } from '../db/client';
import { loadDemoData } from '../modules/imports';
import { createTestDatabase, type TestTarget } from './database';

/** A migrated test database with the full demo data and an app on it, for HTTP tests. */
export async function createDemoApp(target: TestTarget) {
  const database: Database = await createTestDatabase(target);
  await loadDemoData(database.db);
  const app = await buildApp({ db: database.db });
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
