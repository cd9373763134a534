import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client';
import * as schema from '../db/schema';
import { loadDemoData } from '../modules/imports';
import { adminQuery, databaseUrl, type TestTarget, templateFiles } from './templates';

export type { TestTarget } from './templates';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI sets it). */
export const testTargets: TestTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A migrated, empty database for one test file: in-memory PGlite, or a fresh database created on
 * the PostgreSQL server and dropped again by `close`.
 */
export async function createTestDatabase(target: TestTarget): Promise<Database> {
  if (target === 'pglite') {
    const dump = await templateFile(templateFiles.pgliteEmpty, 'pglite');
    if (dump) return restorePglite(dump);
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return database;
  }
  const database = await createPostgresDatabase(null);
  await database.migrate();
  return database;
}

/**
 * A migrated database with the full demo data for one test file, copied from this run's template
 * (global-setup.ts): a restored PGlite dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 * Without the templates (another Vitest config) it loads the demo data itself.
 */
export async function createDemoDatabase(target: TestTarget): Promise<Database> {
  if (target === 'pglite') {
    const dump = await templateFile(templateFiles.pgliteDemo, 'pglite');
    if (dump) return restorePglite(dump);
  } else {
    const template = inject('standortTestTemplates')?.postgresTemplate;
    if (template && (await templateFile(templateFiles.postgresReady, 'postgres'))) {
      return createPostgresDatabase(template);
    }
  }
  const database = await createTestDatabase(target);
  await loadDemoData(database.db);
  return database;
}

/** Waits for a file of this run's templates; null when the run has none (no global setup). */
async function templateFile(name: string, target: TestTarget): Promise<string | null> {
  const dir = inject('standortTestTemplates')?.dir;
  if (!dir) return null;
  const file = path.join(dir, name);
  const failed = path.join(dir, templateFiles.failed(target));
  while (!fs.existsSync(file)) {
    if (fs.existsSync(failed)) {
      throw new Error(`building the ${target} test template failed:\n${fs.readFileSync(failed, 'utf8')}`);
    }
    await sleep(100);
  }
  return file;
}

/** In-memory PGlite from a dump, opened like `openDatabase` in db/client.ts does (same extensions). */
async function restorePglite(dump: string): Promise<Database> {
  const client = await PGlite.create({
    loadDataDir: new Blob([fs.readFileSync(dump)]),
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzle({ client, schema, casing: 'snake_case' });
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder: path.resolve(import.meta.dirname, '..', 'db', 'migrations') }),
    close: () => client.close(),
  };
}

/** A fresh database on the TEST_DATABASE_URL server (empty, or a copy of `template`), dropped by `close`. */
async function createPostgresDatabase(template: string | null): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `standort_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, name), maxConnections: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
