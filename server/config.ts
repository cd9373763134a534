import path from 'node:path';
import { z } from 'zod';
import { type Role, roleSchema } from '../contracts/accounts';
import { AppError } from './errors';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  STANDORT_DATA_DIR: z.string().default('./.standort'),
  STANDORT_DEMO: flag.default(true),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
});

const unset = (v: unknown) => (v === '' ? undefined : v);
const commaList = (v: string) =>
  v
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const oidcSchema = z
  .object({
    OIDC_ISSUER: z.preprocess(unset, z.url().optional()),
    OIDC_CLIENT_ID: z.preprocess(unset, z.string().optional()),
    OIDC_CLIENT_SECRET: z.preprocess(unset, z.string().optional()),
    OIDC_REDIRECT_URI: z.preprocess(unset, z.url().optional()),
    OIDC_SCOPES: z.preprocess(unset, z.string().default('openid email profile')),
    OIDC_NAME: z.preprocess(unset, z.string().max(100).optional()),
    OIDC_DEFAULT_ROLES: z.preprocess(unset, z.string().default('').transform(commaList).pipe(z.array(roleSchema))),
    OIDC_ALLOWED_DOMAINS: z.preprocess(
      unset,
      z
        .string()
        .default('')
        .transform((v) => commaList(v).map((d) => d.replace(/^@/, '').toLowerCase())),
    ),
  })
  .superRefine((c, ctx) => {
    if (!c.OIDC_ISSUER) return;
    for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!c[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'wird gebraucht, wenn OIDC_ISSUER gesetzt ist' });
    }
    if (!c.OIDC_SCOPES.split(/\s+/).includes('openid')) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_SCOPES'], message: 'muss openid enthalten' });
    }
  });

/** Single sign-on through an OpenID Connect provider; null when OIDC_ISSUER is unset. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered at the provider; derived from the request when unset. */
  redirectUri: string | undefined;
  scopes: string;
  /** Label of the sign-in button. */
  name: string | undefined;
  /** Roles (everywhere) that accounts created on first sign-in get; none by default. */
  defaultRoles: Role[];
  /** E-mail domains that may get a new account on first sign-in; empty: any. */
  allowedDomains: string[];
};

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  loadDemo: boolean;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (client address, https for Secure cookies). */
  trustProxy: boolean;
  oidc: OidcConfig | null;
};

function invalid(error: z.ZodError): AppError {
  const problems = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return new AppError('validation_failed', `Ungültige Konfiguration — ${problems}`);
}

/** Reads the single sign-on settings (OIDC_*) from the environment. */
export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const parsed = oidcSchema.safeParse(env);
  if (!parsed.success) throw invalid(parsed.error);
  const c = parsed.data;
  if (!c.OIDC_ISSUER) return null;
  return {
    issuer: c.OIDC_ISSUER,
    clientId: c.OIDC_CLIENT_ID as string,
    clientSecret: c.OIDC_CLIENT_SECRET as string,
    redirectUri: c.OIDC_REDIRECT_URI,
    scopes: c.OIDC_SCOPES,
    name: c.OIDC_NAME,
    defaultRoles: c.OIDC_DEFAULT_ROLES,
    allowedDomains: c.OIDC_ALLOWED_DOMAINS,
  };
}

/** Reads the configuration from the environment; the only place that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw invalid(parsed.error);
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.STANDORT_DATA_DIR),
    loadDemo: c.STANDORT_DEMO,
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    oidc: loadOidcConfig(env),
  };
}

/** Folder with the shipped public data and seed documents. */
export const DATA_DIR = path.resolve(import.meta.dirname, '..', 'data');
