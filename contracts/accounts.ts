import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common';

export const roles = [
  'admin',
  'programme_office',
  'funding_officer',
  'agency_staff',
  'cluster_manager',
  'organisation_member',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles that count as staff: they see internal records. */
export const staffRoles: readonly Role[] = [
  'admin',
  'programme_office',
  'funding_officer',
  'agency_staff',
  'cluster_manager',
];

export const visibilities = ['public', 'internal', 'restricted'] as const;
export const visibilitySchema = z.enum(visibilities);
export type Visibility = z.infer<typeof visibilitySchema>;

/** What an API token may do: read or write, for all modules or one. */
export const tokenScopes = [
  'read',
  'write',
  'portfolio:read',
  'portfolio:write',
  'accounts:read',
  'accounts:write',
  'audit:read',
  'directory:read',
  'directory:write',
] as const;
export const tokenScopeSchema = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const emailSchema = z
  .email({ error: 'keine gültige E-Mail-Adresse' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const passwordSchema = z
  .string()
  .min(12, 'Das Passwort braucht mindestens 12 Zeichen')
  .max(200, 'Das Passwort ist zu lang');

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const roleAssignmentSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  programmeId: z.number().int().nullable(),
  organisationId: z.number().int().nullable(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleAssignmentSchema),
  /** Send back as `x-csrf-token` on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export const requestResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(20).max(200), newPassword: passwordSchema });

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(tokenScopeSchema).min(1).max(tokenScopes.length),
  expiresInDays: z.number().int().min(1).max(365),
});
export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScopeSchema),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string().nullable(),
  name: z.string(),
  isActive: z.boolean(),
  roles: z.array(roleAssignmentSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);
export const listUsersQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });

/** Roles that apply to one organisation, and so need it named. */
export const organisationRoles: readonly Role[] = ['agency_staff', 'cluster_manager', 'organisation_member'];

const roleGrantsSchema = z.array(
  z
    .object({
      role: roleSchema,
      programmeId: z.number().int().positive().nullable().default(null),
      organisationId: z.number().int().positive().nullable().default(null),
    })
    .refine((g) => !organisationRoles.includes(g.role) || g.organisationId !== null, {
      path: ['organisationId'],
      message: 'Diese Rolle gilt für eine Organisation: organisationId angeben',
    })
    .refine((g) => g.role === 'programme_office' || g.programmeId === null, {
      path: ['programmeId'],
      message: 'Nur die Rolle Programmbüro gilt für ein Programm',
    }),
);

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  password: passwordSchema.optional(),
  roles: roleGrantsSchema.default([]),
});
/** Roles, when given, replace the user's roles as a whole; when absent they stay as they are. */
export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  isActive: z.boolean().optional(),
  roles: roleGrantsSchema.optional(),
});
