import { and, eq } from 'drizzle-orm';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../../config';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit';
import { roleAssignments, users } from './accounts.table';
import { actorForUser, createSession } from './sessions.service';

/**
 * Why a single sign-on attempt ended without a session; the sign-in page gets it as
 * `/login?error=<code>`.
 */
export type OidcErrorCode =
  /** The state is missing, expired or does not match the one this browser started with. */
  | 'sso_state'
  /** The provider refused or failed, or its answer did not validate. */
  | 'sso_failed'
  /** The account exists but is deactivated or erased. */
  | 'sso_inactive'
  /** The provider did not confirm an e-mail address, which a new account needs. */
  | 'sso_email'
  /** The e-mail domain may not get an account through single sign-on. */
  | 'sso_domain'
  /** The e-mail address belongs to an account that is linked to another single sign-on identity. */
  | 'sso_conflict';

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

/** What the browser keeps between the redirect to the provider and the callback (an HttpOnly cookie). */
export const oidcFlowSchema = z.object({
  state: z.string().min(20).max(200),
  nonce: z.string().min(20).max(200),
  verifier: z.string().min(43).max(128),
  returnTo: z.string().max(500),
});
export type OidcFlow = z.infer<typeof oidcFlowSchema>;

export function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

export function decodeFlow(value: string | undefined): OidcFlow | null {
  if (!value) return null;
  try {
    const parsed = oidcFlowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A same-origin path to go to after signing in; anything else (other hosts, `//x`, `/\x`) becomes `/`. */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  // Browsers drop tabs and line breaks from URLs, which would turn `/\t/x` into `//x`.
  if ([...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return '/';
  try {
    const base = 'http://standort.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.length <= 500 ? path : '/';
  } catch {
    return '/';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The provider's metadata, discovered once per app and again after a failure. */
export function createOidcClient(settings: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (development, tests).
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  return {
    settings,
    configuration(): Promise<client.Configuration> {
      if (!discovered) {
        discovered = client
          // client_secret_basic: what OpenID Connect providers must support and register by default.
          .discovery(
            issuer,
            settings.clientId,
            settings.clientSecret,
            client.ClientSecretBasic(settings.clientSecret),
            {
              timeout: 10,
              ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
            },
          )
          .catch((err: unknown) => {
            discovered = undefined;
            throw err;
          });
      }
      return discovered;
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;

/** Starts the authorization code flow (PKCE S256, state, nonce): the provider URL and what to keep. */
export async function startOidcSignIn(
  oidc: OidcClient,
  redirectUri: string,
  returnTo: string | undefined,
): Promise<{ url: string; flow: OidcFlow }> {
  const configuration = await oidc.configuration();
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo: safeReturnTo(returnTo),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: oidc.settings.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, flow };
}

export type OidcClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

/**
 * Checks the provider's answer against the flow this browser started, redeems the code with the
 * PKCE verifier and validates the ID token (issuer, audience, nonce); returns the identity.
 */
export async function redeemOidcCallback(
  oidc: OidcClient,
  redirectUri: string,
  query: string,
  flow: OidcFlow | null,
): Promise<OidcClaims> {
  const params = new URLSearchParams(query);
  if (!flow || params.get('state') !== flow.state) {
    throw new OidcSignInError('sso_state', 'Die Anmeldung ist abgelaufen oder wurde nicht hier begonnen.');
  }
  const currentUrl = new URL(redirectUri);
  currentUrl.search = params.toString();
  let configuration: client.Configuration;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    configuration = await oidc.configuration();
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    const detail = err instanceof client.AuthorizationResponseError ? err.error : (err as Error).message;
    throw new OidcSignInError('sso_failed', `Der Anbieter hat die Anmeldung nicht bestätigt: ${detail}`);
  }
  const idToken = tokens.claims();
  if (!idToken) throw new OidcSignInError('sso_failed', 'Der Anbieter hat kein ID-Token geschickt.');
  let claims: Record<string, unknown> = { ...idToken };
  // Many providers put e-mail and name only into the userinfo answer.
  if (
    (typeof claims.email !== 'string' || typeof claims.name !== 'string') &&
    configuration.serverMetadata().userinfo_endpoint
  ) {
    try {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...claims, ...pick(info, ['email', 'email_verified', 'name']) };
    } catch (err) {
      throw new OidcSignInError('sso_failed', `Die Angaben zum Konto waren nicht abrufbar: ${(err as Error).message}`);
    }
  }
  const email =
    typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim().toLowerCase() : null;
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : null;
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email,
    emailVerified: email !== null && claims.email_verified === true,
    name,
  };
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

const refusedInactive = () =>
  new OidcSignInError('sso_inactive', 'Dieses Konto ist deaktiviert oder gelöscht und kann sich nicht anmelden.');

/**
 * The account for a provider identity: the one linked to (issuer, subject); else the active account
 * with the same verified e-mail address, which gets linked; else a new account without password,
 * with the configured default roles, if the e-mail domain is allowed. Links and new accounts are audited.
 */
export async function accountForOidcIdentity(db: Db, settings: OidcConfig, identity: OidcClaims): Promise<number> {
  return db.transaction(async (tx) => {
    const columns = { id: users.id, isActive: users.isActive, erasedAt: users.erasedAt, oidcIssuer: users.oidcIssuer };
    const [linked] = await tx
      .select(columns)
      .from(users)
      .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)));
    if (linked) {
      if (!linked.isActive || linked.erasedAt) throw refusedInactive();
      return linked.id;
    }

    const [sameEmail] = identity.email
      ? await tx.select(columns).from(users).where(eq(users.email, identity.email))
      : [];
    if (sameEmail) {
      if (!identity.emailVerified) {
        throw new OidcSignInError('sso_email', 'Der Anbieter hat die E-Mail-Adresse nicht bestätigt.');
      }
      if (!sameEmail.isActive || sameEmail.erasedAt) throw refusedInactive();
      if (sameEmail.oidcIssuer) {
        throw new OidcSignInError('sso_conflict', 'Dieses Konto ist bereits mit einer anderen Anmeldung verknüpft.');
      }
      await tx
        .update(users)
        .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
        .where(eq(users.id, sameEmail.id));
      await recordAudit(tx, await actorForUser(tx, sameEmail.id, 'session'), {
        action: 'link_oidc',
        entityType: 'user',
        entityId: sameEmail.id,
        before: { oidcIssuer: null, oidcSubject: null },
        after: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
      });
      return sameEmail.id;
    }

    if (!identity.email || !identity.emailVerified) {
      throw new OidcSignInError('sso_email', 'Für ein neues Konto braucht es eine bestätigte E-Mail-Adresse.');
    }
    const domain = identity.email.split('@').pop() as string;
    if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain)) {
      throw new OidcSignInError('sso_domain', `Für ${domain} werden keine Konten angelegt.`);
    }
    const name = identity.name ?? identity.email;
    const [row] = await tx
      .insert(users)
      .values({
        email: identity.email,
        name,
        passwordHash: null,
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      })
      .returning({ id: users.id });
    if (!row) throw new OidcSignInError('sso_failed', 'Das Konto konnte nicht angelegt werden.');
    const roles = settings.defaultRoles.map((role) => ({ role, programmeId: null, organisationId: null }));
    if (roles.length > 0) await tx.insert(roleAssignments).values(roles.map((r) => ({ ...r, userId: row.id })));
    await recordAudit(tx, await actorForUser(tx, row.id, 'session'), {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      after: {
        email: identity.email,
        name,
        roles,
        hasPassword: false,
        via: 'oidc',
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      },
    });
    return row.id;
  });
}

/** Finishes single sign-on: validates the callback, finds or makes the account and opens a session. */
export async function finishOidcSignIn(
  db: Db,
  oidc: OidcClient,
  input: { redirectUri: string; query: string; flow: OidcFlow | null; userAgent: string | null },
) {
  const identity = await redeemOidcCallback(oidc, input.redirectUri, input.query, input.flow);
  const userId = await accountForOidcIdentity(db, oidc.settings, identity);
  const session = await createSession(db, userId, input.userAgent, 'oidc');
  return { ...session, userId, returnTo: safeReturnTo(input.flow?.returnTo) };
}
