import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '../../../contracts/audit';
import type { Db } from '../../db/client';
import { isoTimestamp } from '../../db/columns';
import { users } from '../../db/schema';
import type { Actor } from '../accounts/actor';
import { auditLog } from './audit.table';

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry to the audit log, inside the caller's transaction. */
export async function recordAudit(tx: Db, actor: Actor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.kind === 'user' && actor.userId > 0 ? actor.userId : null,
    actorVia:
      actor.kind === 'anonymous' ? 'anonymous' : actor.via === 'token' ? `token:${actor.tokenName ?? ''}` : actor.via,
    action: record.action,
    entityType: record.entityType,
    entityId: String(record.entityId),
    before: record.before ?? null,
    after: record.after ?? null,
  });
}

function filters(query: Omit<AuditQuery, 'page' | 'pageSize'>): SQL | undefined {
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId) where.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.from) where.push(gte(auditLog.at, query.from));
  if (query.to) where.push(lt(auditLog.at, sql`(${query.to}::date + 1)`));
  return and(...where);
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorName: users.name,
  actorVia: auditLog.actorVia,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

/** Audit entries, newest first, filtered and paginated. */
export async function listAudit(db: Db, query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const where = filters(query);
  const [items, totals] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(where),
  ]);
  return { items: items.map((i) => ({ ...i, at: isoTimestamp(i.at) })), total: totals[0]?.n ?? 0 };
}

/** Every matching entry, newest first, read 1,000 at a time so that large logs stream. */
export async function* exportAudit(db: Db, query: Omit<AuditQuery, 'page' | 'pageSize'>): AsyncGenerator<AuditEntry> {
  const where = filters(query);
  let lastId = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(where, lt(auditLog.id, lastId)))
      .orderBy(desc(auditLog.id))
      .limit(1000);
    if (rows.length === 0) return;
    for (const r of rows) yield { ...r, at: isoTimestamp(r.at) };
    lastId = rows[rows.length - 1]?.id ?? 0;
  }
}
