import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { authThrottle } from './accounts.table';

/** Failures allowed before back-off starts; then the wait doubles with each failure, up to 15 minutes. */
const FREE_FAILURES = 5;
const MAX_WAIT_SECONDS = 15 * 60;

/** Refuses with 429 rate_limited while the key is in back-off. */
export async function assertNotThrottled(db: Db, key: string): Promise<void> {
  const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
  if (row?.lockedUntil && new Date(row.lockedUntil).getTime() > Date.now()) {
    const retryAfter = Math.ceil((new Date(row.lockedUntil).getTime() - Date.now()) / 1000);
    throw new AppError(
      'rate_limited',
      `Zu viele Versuche. Bitte in ${retryAfter} ${retryAfter === 1 ? 'Sekunde' : 'Sekunden'} erneut versuchen.`,
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }
}

/** Counts a failure and, past the free ones, locks the key for an exponentially growing time. */
export async function recordFailure(db: Db, key: string): Promise<void> {
  await db
    .insert(authThrottle)
    .values({ key, failures: 1, updatedAt: sql`now()` })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`${authThrottle.failures} + 1`,
        updatedAt: sql`now()`,
        lockedUntil: sql`case when ${authThrottle.failures} + 1 > ${FREE_FAILURES}
          then now() + make_interval(secs => least(${MAX_WAIT_SECONDS}, power(2, ${authThrottle.failures} + 1 - ${FREE_FAILURES})))
          else null end`,
      },
    });
}

/** Forgets the failures of a key after a success. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
