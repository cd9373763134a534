import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database handle every service receives; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/** Opens PGlite (on disk when dataDir is given, else in memory) or a PostgreSQL pool. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    // JIT compiling costs more than it saves on the short queries of a web app (550 ms on a broad search).
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10, options: '-c jit=off' });
    // An idle connection the server closes (restart, failover, DROP … FORCE) must not crash the
    // process: the pool drops that client and opens a new one for the next query.
    pool.on('error', () => {});
    // BIGINT sums come back as strings from pg; our amounts fit JS numbers exactly (< 2^53 cents).
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const lock = target.dataDir ? lockDataDir(target.dataDir) : undefined;
  try {
    const client = await PGlite.create({
      ...(target.dataDir ? { dataDir: path.join(target.dataDir, 'pgdata') } : {}),
      extensions: { pg_trgm, unaccent },
    });
    const db = drizzlePglite({ client, schema, casing: 'snake_case' });
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Runs a raw SQL query and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A text[] literal built from parameters: `array[$1, $2]::text[]` (drizzle expands a JS array otherwise). */
export function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** An int[] literal as one parameter: `'{1,2,3}'::int[]`, for `= any(…)` over a list of ids. */
export function intArray(values: readonly number[]): SQL {
  return sql`${`{${values.map((v) => Math.trunc(v)).join(',')}}`}::int[]`;
}

/** Whether `db` is the embedded PGlite, which has no autovacuum: writers of bulk data vacuum themselves. */
export function isEmbedded(db: Db): boolean {
  return (db as unknown as { $client: unknown }).$client instanceof PGlite;
}
