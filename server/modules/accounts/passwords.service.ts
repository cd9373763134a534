import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { outbox, passwordResets, users } from './accounts.table';
import type { Actor } from './actor';
import { digest, hashPassword, randomSecret, verifyPassword } from './secrets';
import { endOtherSessions } from './sessions.service';
import { assertNotThrottled, recordFailure } from './throttle';

const RESET_MINUTES = 60;

/** Changes the signed-in user's password after checking the current one; ends their other sessions. */
export async function changePassword(
  db: Db,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (actor.via === 'token')
    throw new AppError('forbidden', 'Das Passwort kann nur in einer angemeldeten Sitzung geändert werden.');
  const key = `password:${actor.userId}`;
  await assertNotThrottled(db, key);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordFailure(db, key);
    throw new AppError('invalid_credentials', 'Das bisherige Passwort ist falsch.', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    await endOtherSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, actor, { action: 'change_password', entityType: 'user', entityId: actor.userId });
  });
}

export type Mail = { recipient: string; subject: string; body: string };

/**
 * Starts a reset: writes a one-time link to the outbox when the address belongs to an active
 * account. Answers the same either way, so nobody learns which addresses have accounts.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  clientKey: string,
  baseUrl: string,
): Promise<Mail | null> {
  await assertNotThrottled(db, `reset:${email}`);
  await assertNotThrottled(db, `reset-client:${clientKey}`);
  // Every request counts, so the back-off also limits mail to one address.
  await recordFailure(db, `reset:${email}`);
  await recordFailure(db, `reset-client:${clientKey}`);
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.email, email), eq(users.isActive, true)));
  if (!user) return null;
  const secret = randomSecret();
  const mail: Mail = {
    recipient: email,
    subject: 'Standort: Passwort zurücksetzen',
    body: `Guten Tag ${user.name},\n\nüber diesen Link können Sie innerhalb von ${RESET_MINUTES} Minuten ein neues Passwort setzen:\n${baseUrl}/reset-password?token=${secret}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.`,
  };
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: digest(secret),
      expiresAt: sql`now() + make_interval(mins => ${RESET_MINUTES})`,
    });
    await tx.insert(outbox).values(mail);
    await recordAudit(
      tx,
      { kind: 'anonymous' },
      { action: 'request_password_reset', entityType: 'user', entityId: user.id },
    );
  });
  return mail;
}

/** Sets a new password with a reset token; the token works once and only until it expires. */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.tokenHash, digest(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset)
      throw new AppError('invalid_token', 'Der Link ist ungültig, abgelaufen oder wurde bereits benutzt.', {
        field: 'token',
      });
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await endOtherSessions(tx, reset.userId, undefined);
    await recordAudit(
      tx,
      { kind: 'anonymous' },
      { action: 'reset_password', entityType: 'user', entityId: reset.userId },
    );
  });
}
