import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTimestamp } from '../../db/columns';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { sessions, users } from './accounts.table';
import type { Actor, UserActor } from './actor';
import { digest, randomSecret, verifyPassword } from './secrets';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle';
import { rolesOf } from './users.service';

export const SESSION_DAYS = 14;
// A hash that costs what a real check costs, so unknown e-mail addresses take as long as wrong passwords.
const DUMMY_HASH = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(86)}`;

/** Checks e-mail and password with back-off per address and per client; returns the user id. */
export async function authenticate(db: Db, email: string, password: string, clientKey: string): Promise<number> {
  const keys = [`login:${email}`, `login-client:${clientKey}`];
  for (const key of keys) await assertNotThrottled(db, key);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.isActive || !user.passwordHash) {
    await recordFailure(db, keys[0] as string);
    await recordFailure(db, keys[1] as string);
    throw new AppError('invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
  }
  await clearFailures(db, keys[0] as string);
  return user.id;
}

/** Opens a session; returns the cookie value (only its hash is stored). */
export async function createSession(db: Db, userId: number, userAgent: string | null, via = 'password') {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  await db.transaction(async (tx) => {
    await tx
      .insert(sessions)
      .values({ id: digest(secret), userId, csrfToken, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt });
    await recordAudit(tx, await actorForUser(tx, userId, 'session'), {
      action: 'sign_in',
      entityType: 'session',
      entityId: digest(secret).slice(0, 12),
      after: { via },
    });
  });
  return { secret, csrfToken, expiresAt };
}

/** The actor of a user as their roles stand now. */
export async function actorForUser(db: Db, userId: number, via: UserActor['via']): Promise<UserActor> {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  const roles = (await rolesOf(db, [userId])).get(userId) ?? [];
  return { kind: 'user', userId, name: user?.name ?? '', roles, via, scopes: null };
}

/** The actor behind a session cookie, or null when it is unknown, expired or the account is inactive. */
export async function resolveSession(db: Db, secret: string): Promise<UserActor | null> {
  const id = digest(secret);
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.isActive, true), isNull(users.erasedAt)),
    );
  if (!row) return null;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(days => ${SESSION_DAYS})` })
      .where(eq(sessions.id, id));
  }
  const actor = await actorForUser(db, row.userId, 'session');
  return { ...actor, sessionId: id, csrfToken: row.csrfToken };
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor;
}

/** Ends the current session. */
export async function signOut(db: Db, actor: Actor): Promise<void> {
  const user = requireUser(actor);
  if (!user.sessionId) return;
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, user.sessionId as string));
    await recordAudit(tx, user, {
      action: 'sign_out',
      entityType: 'session',
      entityId: (user.sessionId as string).slice(0, 12),
    });
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<number> {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.userId)).returning({ id: sessions.id });
    await recordAudit(tx, user, {
      action: 'sign_out_everywhere',
      entityType: 'user',
      entityId: user.userId,
      after: { sessions: ended.length },
    });
    return ended.length;
  });
}

/** The user's open sessions, newest first. */
export async function listSessions(db: Db, actor: Actor) {
  const user = requireUser(actor);
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, user.userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    createdAt: isoTimestamp(s.createdAt),
    lastSeenAt: isoTimestamp(s.lastSeenAt),
    expiresAt: isoTimestamp(s.expiresAt),
    userAgent: s.userAgent,
    isCurrent: s.id === user.sessionId,
  }));
}

/** Ends one of the user's sessions, named by the id prefix that listSessions shows. */
export async function revokeSession(db: Db, actor: Actor, idPrefix: string): Promise<void> {
  const user = requireUser(actor);
  await db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, user.userId),
          sql`${sessions.id} like ${`${idPrefix.replace(/[^0-9a-f]/g, '')}%`}`,
          sql`length(${idPrefix}) = 16`,
        ),
      )
      .returning({ id: sessions.id });
    if (ended.length === 0) throw new AppError('not_found', 'Diese Sitzung gibt es nicht.');
    await recordAudit(tx, user, { action: 'revoke', entityType: 'session', entityId: idPrefix });
  });
}

/** Ends all sessions of a user except the given one (after a password change). */
export async function endOtherSessions(tx: Db, userId: number, keepSessionId: string | undefined): Promise<void> {
  await tx
    .delete(sessions)
    .where(
      keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId),
    );
}
