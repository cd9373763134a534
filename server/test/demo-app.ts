import { buildApp } from '../app';
import { createDemoDatabase, type TestTarget } from './database';

/** A test database with the full demo data (from this run's template) and an app on it, for HTTP tests. */
export async function createDemoApp(target: TestTarget) {
  const database = await createDemoDatabase(target);
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
