import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTimestamp } from '../../db/columns';
import { AppError } from '../../errors';
import { auditLog, recordAudit } from '../audit';
import { isAdmin } from './accounts.policy';
import { apiTokens, outbox, passwordResets, roleAssignments, sessions, users } from './accounts.table';
import type { Actor } from './actor';
import { getUser } from './users.service';

function requireSelfOrAdmin(actor: Actor, userId: number): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (actor.userId !== userId && !isAdmin(actor)) {
    throw new AppError('forbidden', 'Nur die Person selbst oder die Administration darf diese Daten abrufen.');
  }
}

/** Everything Standort holds about a person, as one JSON document (GDPR Art. 15 / 20). */
export async function exportPersonalData(db: Db, actor: Actor, userId: number) {
  requireSelfOrAdmin(actor, userId);
  const account = await getUser(db, userId);
  const [sessionRows, tokenRows, resetRows, mails, actions, aboutThem] = await Promise.all([
    db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    db
      .select({
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId)),
    db
      .select({
        createdAt: passwordResets.createdAt,
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
      })
      .from(passwordResets)
      .where(eq(passwordResets.userId, userId)),
    account.email
      ? db
          .select({ subject: outbox.subject, createdAt: outbox.createdAt })
          .from(outbox)
          .where(eq(outbox.recipient, account.email))
      : Promise.resolve([]),
    db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.id)),
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(userId))))
      .orderBy(desc(auditLog.id)),
  ]);
  const iso = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, keys.includes(k) && typeof v === 'string' ? isoTimestamp(v) : v]),
      ),
    );
  await recordAudit(db, actor, { action: 'export_personal_data', entityType: 'user', entityId: userId });
  return {
    exportedAt: new Date().toISOString(),
    account,
    sessions: iso(sessionRows, ['createdAt', 'lastSeenAt', 'expiresAt']),
    apiTokens: iso(tokenRows, ['createdAt', 'expiresAt', 'revokedAt']),
    passwordResets: iso(resetRows, ['createdAt', 'expiresAt', 'usedAt']),
    mails: iso(mails, ['createdAt']),
    actions: iso(actions, ['at']),
    recordsAboutThePerson: iso(aboutThem, ['at']),
  };
}

/**
 * Erases a person: the account keeps its id (so records they touched keep their history) but
 * loses name, e-mail, password, sign-in links, sessions, tokens and mails; audit entries about the
 * account are redacted. Admins only; an admin cannot erase themselves.
 */
export async function erasePerson(db: Db, actor: Actor, userId: number): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Nur die Administration darf Personen löschen.');
  if (actor.userId === userId) throw new AppError('forbidden', 'Das eigene Konto kann nicht gelöscht werden.');
  const person = await getUser(db, userId);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        email: null,
        name: `Gelöschte Person ${userId}`,
        passwordHash: null,
        oidcIssuer: null,
        oidcSubject: null,
        isActive: false,
        erasedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
    if (person.email) await tx.delete(outbox).where(eq(outbox.recipient, person.email));
    // The audit log is append-only; redaction of personal data is its one allowed change.
    await tx.execute(sql`select set_config('standort.audit_redaction', 'on', true)`);
    const mentions = person.email
      ? or(
          sql`${auditLog.before}::text ilike ${`%${person.email}%`}`,
          sql`${auditLog.after}::text ilike ${`%${person.email}%`}`,
        )
      : sql`false`;
    await tx
      .update(auditLog)
      .set({
        before: sql`case when ${auditLog.before} is null then null else '{"redacted":true}'::jsonb end`,
        after: sql`case when ${auditLog.after} is null then null else '{"redacted":true}'::jsonb end`,
      })
      .where(or(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(userId))), mentions));
    await tx.execute(sql`select set_config('standort.audit_redaction', 'off', true)`);
    await recordAudit(tx, actor, { action: 'erase_person', entityType: 'user', entityId: userId });
  });
}
