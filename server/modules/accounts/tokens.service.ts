import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTokenSchema } from '../../../contracts/accounts';
import type { Db } from '../../db/client';
import { isoTimestamp } from '../../db/columns';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { apiTokens, users } from './accounts.table';
import type { Actor, UserActor } from './actor';
import { digest, randomSecret } from './secrets';
import { actorForUser } from './sessions.service';

const TOKEN_PREFIX = 'stdt_';

function requireSessionUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  // A token must not mint or revoke tokens: that would let a read token escalate itself.
  if (actor.via === 'token')
    throw new AppError('forbidden', 'API-Tokens können nur in einer angemeldeten Sitzung verwaltet werden.');
  return actor;
}

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

function isoToken<
  T extends { createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null },
>(t: T): T {
  return {
    ...t,
    createdAt: isoTimestamp(t.createdAt),
    expiresAt: isoTimestamp(t.expiresAt),
    lastUsedAt: isoTimestamp(t.lastUsedAt),
    revokedAt: isoTimestamp(t.revokedAt),
  };
}

/** Creates a token; the secret is returned once and only its hash is kept. */
export async function createToken(db: Db, actor: Actor, input: z.infer<typeof createTokenSchema>) {
  const user = requireSessionUser(actor);
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: user.userId,
        name: input.name,
        prefix: secret.slice(0, 12),
        tokenHash: digest(secret),
        scopes: input.scopes,
        expiresAt,
      })
      .returning(publicColumns);
    if (!row) throw new AppError('internal', 'Token konnte nicht angelegt werden.');
    await recordAudit(tx, user, {
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, scopes: row.scopes, expiresAt },
    });
    return { ...isoToken(row), token: secret };
  });
}

/** The user's tokens, without secrets. */
export async function listTokens(db: Db, actor: Actor) {
  const user = requireSessionUser(actor);
  const rows = await db
    .select(publicColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, user.userId))
    .orderBy(desc(apiTokens.id));
  return rows.map(isoToken);
}

/** Revokes one of the user's tokens at once. */
export async function revokeToken(db: Db, actor: Actor, id: number): Promise<void> {
  const user = requireSessionUser(actor);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0)
      throw new AppError('not_found', `Token ${id} gibt es nicht oder es ist bereits widerrufen.`);
    await recordAudit(tx, user, { action: 'revoke', entityType: 'api_token', entityId: id });
  });
}

/** The actor behind a bearer token, or null when it is unknown, expired, revoked or its account inactive. */
export async function resolveToken(db: Db, secret: string): Promise<UserActor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, digest(secret)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
        eq(users.isActive, true),
        isNull(users.erasedAt),
      ),
    );
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  const actor = await actorForUser(db, row.userId, 'token');
  return { ...actor, scopes: row.scopes, tokenName: row.name };
}
