import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { roles, tokenScopes } from '../../../contracts/accounts';
import { organisations } from '../organisations/organisations.table';
import { programmes } from '../programmes/programmes.table';

export const role = pgEnum('role', roles);
export const tokenScope = pgEnum('token_scope', tokenScopes);

const timestamps = {
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Null once the person was erased. */
    email: text(),
    name: text().notNull(),
    /** scrypt hash; null for accounts that only sign in through single sign-on. */
    passwordHash: text(),
    isActive: boolean().notNull().default(true),
    oidcIssuer: text(),
    oidcSubject: text(),
    erasedAt: timestamp({ withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), uniqueIndex('users_oidc_uq').on(t.oidcIssuer, t.oidcSubject)],
);

/** A role, held by a user, where it applies: a programme, an organisation, or everywhere (both null). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: role().notNull(),
    programmeId: integer().references(() => programmes.id, { onDelete: 'cascade' }),
    organisationId: integer().references(() => organisations.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** Browser sessions; only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    userAgent: text(),
    lastSeenAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Machine access: shown once, stored as a SHA-256 hash, scoped, expiring, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    scopes: tokenScope().array().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true, mode: 'string' }),
    revokedAt: timestamp({ withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('password_resets_hash_uq').on(t.tokenHash)],
);

/** Failed sign-in and reset attempts per key (e-mail or client address), for back-off across app servers. */
export const authThrottle = pgTable('auth_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true, mode: 'string' }),
  updatedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Outgoing mail; without a mail server it is only written here and to the log. */
export const outbox = pgTable('outbox', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  recipient: text().notNull(),
  subject: text().notNull(),
  body: text().notNull(),
  sentAt: timestamp({ withTimezone: true, mode: 'string' }),
  ...timestamps,
});
