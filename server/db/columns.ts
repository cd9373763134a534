import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL tsvector, only ever written by a generated column. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** PostgreSQL's timestamptz text ("2026-11-22 00:48:59.615+00") as ISO 8601, for API responses. */
export function isoTimestamp<T extends string | null>(value: T): T {
  return (value === null ? null : new Date(value).toISOString()) as T;
}
