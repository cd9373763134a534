/** The databases benchmarks run on: a fresh PGlite in a temp dir and a fresh PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../server/db/client';
import type { Conn } from './directory-generate';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database on the PostgreSQL server, or why there is none. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | { skipped: string }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  const name = `standort_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    return { skipped: `PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} not usable: ${(err as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs `measure` on a fresh PGlite database in a temp dir and — unless `--no-postgres` — on a fresh
 * PostgreSQL database, each dropped afterwards.
 */
export async function onBothBackends<T>(
  args: { postgres: boolean },
  what: string,
  measure: (backend: 'pglite' | 'postgres', database: Database) => Promise<T>,
): Promise<{ runs: T[]; skipped: string[] }> {
  const runs: T[] = [];
  const skipped: string[] = [];
  console.log(`\n▶ ${what} on PGlite (temp dir)`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standort-bench-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      runs.push(await measure('pglite', database));
    } finally {
      await database.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const target = args.postgres ? await createPostgresDatabase() : { skipped: '--no-postgres' };
  if ('skipped' in target) skipped.push(target.skipped);
  else {
    console.log(`\n▶ ${what} on PostgreSQL (fresh database)`);
    try {
      const database = await openDatabase({ kind: 'postgres', url: target.url });
      try {
        runs.push(await measure('postgres', database));
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  for (const s of skipped) console.log(`\n  PostgreSQL skipped: ${s}`);
  return { runs, skipped };
}

/**
 * One connection for bulk loading, whose session settings hold across statements: PGlite's only
 * one, or a client taken from the pool (commits not waiting for the disk) and closed afterwards.
 */
export async function withBulkConnection<T>(database: Database, load: (conn: Conn) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    const conn = client as Conn;
    await conn.query(`set maintenance_work_mem = '256MB'`);
    return load(conn);
  }
  const loader = await (client as pg.Pool).connect();
  try {
    await loader.query('set synchronous_commit = off');
    await loader.query(`set maintenance_work_mem = '1GB'`);
    return await load(loader as unknown as Conn);
  } finally {
    // Destroyed rather than returned, so its settings never reach the pool's other queries.
    loader.release(true);
  }
}
