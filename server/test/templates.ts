import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { loadDemoData } from '../modules/imports';

export type TestTarget = 'pglite' | 'postgres';

/**
 * Where one test run keeps its database templates (see global-setup.ts): a temp folder with the
 * PGlite dumps, and the name of the PostgreSQL template database (null without TEST_DATABASE_URL).
 */
export type TestTemplates = { dir: string; postgresTemplate: string | null };

declare module 'vitest' {
  export interface ProvidedContext {
    standortTestTemplates: TestTemplates;
  }
}

/** The files in the templates folder; a dump appears (by rename) only once it is complete. */
export const templateFiles = {
  pgliteEmpty: 'pglite-empty.tar',
  pgliteDemo: 'pglite-demo.tar',
  postgresReady: 'postgres.ready',
  failed: (target: TestTarget) => `${target}.failed`,
};

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's admin database (CREATE/DROP DATABASE) over one connection. */
export async function adminQuery(adminUrl: string, ...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

async function writeDump(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(`${file}.part`, file);
}

/** In-memory PGlite: migrate, dump (empty), load the demo data, dump again (demo). */
export async function buildPgliteTemplates(dir: string): Promise<void> {
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await database.migrate();
    await writeDump(client, path.join(dir, templateFiles.pgliteEmpty));
    await loadDemoData(database.db);
    await writeDump(client, path.join(dir, templateFiles.pgliteDemo));
  } finally {
    await database.close();
  }
}

/** Creates database `name` on the server, migrates it and loads the demo data; leaves no connection. */
export async function buildPostgresTemplate(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, name), maxConnections: 4 });
  try {
    await database.migrate();
    await loadDemoData(database.db);
  } finally {
    await database.close();
  }
}
