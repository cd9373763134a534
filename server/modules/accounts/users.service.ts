import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserSchema, RoleAssignment, User, updateUserSchema } from '../../../contracts/accounts';
import type { Db } from '../../db/client';
import { isoTimestamp } from '../../db/columns';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { isAdmin } from './accounts.policy';
import { roleAssignments, users } from './accounts.table';
import type { Actor } from './actor';
import { hashPassword } from './secrets';

export type CreateUser = z.infer<typeof createUserSchema>;
export type UpdateUser = z.infer<typeof updateUserSchema>;

function requireAdmin(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!isAdmin(actor))
    throw new AppError('forbidden', 'Nur Administratorinnen und Administratoren dürfen Konten verwalten.');
}

/** The role assignments of the given users, keyed by user id. */
export async function rolesOf(db: Db, userIds: number[]): Promise<Map<number, RoleAssignment[]>> {
  const out = new Map<number, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      id: roleAssignments.id,
      role: roleAssignments.role,
      programmeId: roleAssignments.programmeId,
      organisationId: roleAssignments.organisationId,
    })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.id));
  for (const { userId, ...role } of rows) out.get(userId)?.push(role);
  return out;
}

async function toUsers(db: Db, rows: (typeof users.$inferSelect)[]): Promise<User[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    isActive: r.isActive,
    roles: roles.get(r.id) ?? [],
    createdAt: isoTimestamp(r.createdAt),
  }));
}

/** One user with roles; throws not_found. */
export async function getUser(db: Db, id: number): Promise<User> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  const [user] = await toUsers(db, rows);
  if (!user) throw new AppError('not_found', `Konto ${id} wurde nicht gefunden.`);
  return user;
}

/** Accounts for the administration page. */
export async function listUsers(
  db: Db,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  requireAdmin(actor);
  const where: SQL[] = [isNull(users.erasedAt)];
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like)) as SQL);
  }
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(users)
      .where(and(...where))
      .orderBy(asc(users.name), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users)
      .where(and(...where)),
  ]);
  return { items: await toUsers(db, rows), total: totals[0]?.n ?? 0 };
}

/** Creates an account with its roles; audited without the password. */
export async function createUser(db: Db, actor: Actor, input: CreateUser): Promise<User> {
  requireAdmin(actor);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AppError('conflict', `Es gibt bereits ein Konto für ${input.email}.`, { field: 'email' });
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id });
    if (!row) throw new AppError('internal', 'Konto konnte nicht angelegt werden.');
    if (input.roles.length > 0)
      await tx.insert(roleAssignments).values(input.roles.map((r) => ({ ...r, userId: row.id })));
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      after: { email: input.email, name: input.name, roles: input.roles, hasPassword: passwordHash !== null },
    });
    return row.id;
  });
  return getUser(db, id);
}

/** Changes name, active flag or roles (roles are replaced as a whole); audited. */
export async function updateUser(db: Db, actor: Actor, id: number, input: UpdateUser): Promise<User> {
  requireAdmin(actor);
  const before = await getUser(db, id);
  await db.transaction(async (tx) => {
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    if (Object.keys(patch).length > 0) await tx.update(users).set(patch).where(eq(users.id, id));
    if (input.roles) {
      await tx.delete(roleAssignments).where(eq(roleAssignments.userId, id));
      if (input.roles.length > 0)
        await tx.insert(roleAssignments).values(input.roles.map((r) => ({ ...r, userId: id })));
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: { name: before.name, isActive: before.isActive, roles: before.roles },
      after: input,
    });
  });
  return getUser(db, id);
}
