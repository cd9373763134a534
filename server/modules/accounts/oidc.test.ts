import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
// @ts-expect-error oidc-provider ships without type declarations; the test uses a few calls only.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { OidcConfig } from '../../config';
import type { Database } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { createTestUser } from '../../test/accounts';
import { createTestDatabase } from '../../test/database';
import { systemActor } from './actor';
import { safeReturnTo } from './oidc.service';
import { updateUser } from './users.service';

// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 with its development login and
// consent forms, driven by plain HTTP requests the way a browser would, against the app.

const REDIRECT_URI = 'http://standort.test/api/auth/oidc/callback';
const CLIENT = { client_id: 'standort', client_secret: randomBytes(24).toString('base64url') };

/** The provider's people: login name → claims. */
const people: Record<string, { email: string; email_verified: boolean; name: string }> = {
  alice: { email: 'Alice@Example.org', email_verified: true, name: 'Alice Adler' },
  bob: { email: 'bob@example.org', email_verified: true, name: 'Bob Baumann' },
  mallory: { email: 'carol@example.org', email_verified: false, name: 'Mallory' },
  eve: { email: 'eve@elsewhere.org', email_verified: true, name: 'Eve' },
  dora: { email: 'dora@example.org', email_verified: true, name: 'Dora' },
};

type App = Awaited<ReturnType<typeof buildApp>>;

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
}

function cookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  return cookiesOf(res)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
}

/** Plays the browser at the provider: follows redirects, fills in the login and consent forms, carries cookies. */
async function throughProvider(authUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let body: string | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (location) {
      await res.arrayBuffer();
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      body = undefined;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 400)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no interaction form: ${html.slice(0, 400)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'beliebig' } : { prompt }).toString();
  }
  throw new Error('too many steps at the provider');
}

describe('single sign-on with OpenID Connect', () => {
  let server: http.Server;
  let issuer: string;
  let database: Database;
  let app: App;
  let oidc: OidcConfig;

  beforeAll(async () => {
    server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI], grant_types: ['authorization_code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      features: { devInteractions: { enabled: true } },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      findAccount: (_ctx: unknown, sub: string) =>
        people[sub] ? { accountId: sub, claims: () => ({ sub, ...people[sub] }) } : undefined,
    });
    server.on('request', provider.callback());

    database = await createTestDatabase('pglite');
    oidc = {
      issuer,
      clientId: CLIENT.client_id,
      clientSecret: CLIENT.client_secret,
      redirectUri: REDIRECT_URI,
      scopes: 'openid email profile',
      name: 'Test-Anbieter',
      defaultRoles: ['agency_staff'],
      allowedDomains: ['example.org'],
    };
    app = await buildApp({ db: database.db, oidc });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Starts at the app, goes through the provider and returns the app's answer to the callback. */
  async function signInVia(login: string, query = '') {
    const start = await app.inject({ url: `/api/auth/oidc/login${query}` });
    expect(start.statusCode).toBe(302);
    const flowCookie = cookie(start, 'standort_oidc') as string;
    expect(flowCookie).toBeDefined();
    const callbackUrl = await throughProvider(String(start.headers.location), login);
    const res = await app.inject({
      url: `${callbackUrl.pathname}${callbackUrl.search}`,
      headers: { cookie: flowCookie, 'user-agent': 'vitest' },
    });
    return { res, session: cookie(res, 'standort_session') };
  }

  async function me(session: string | undefined) {
    const res = await app.inject({ url: '/api/auth/me', headers: { cookie: session ?? '' } });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: number; email: string; name: string; roles: { role: string }[] };
  }

  const userRow = async (email: string) => (await database.db.select().from(users).where(eq(users.email, email)))[0];

  it('tells the sign-in page that single sign-on is on', async () => {
    const res = await app.inject({ url: '/api/auth/oidc' });
    expect(res.json()).toEqual({ enabled: true, name: 'Test-Anbieter' });
  });

  it('redirects to the provider with PKCE S256, state and nonce, keeping them in a short HttpOnly cookie', async () => {
    const res = await app.inject({ url: '/api/auth/oidc/login' });
    expect(res.statusCode).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('client_id')).toBe('standort');
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(location.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const setCookie = cookiesOf(res).find((c) => c.startsWith('standort_oidc=')) as string;
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Max-Age=600');
  });

  it('creates an account on first sign-in, with the default roles and no password, and opens a session', async () => {
    const { res, session } = await signInVia('alice');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(session).toMatch(/^standort_session=/);
    expect(cookie(res, 'standort_oidc')).toBe('standort_oidc=');
    const account = await me(session);
    expect(account).toMatchObject({ email: 'alice@example.org', name: 'Alice Adler' });
    expect(account.roles.map((r) => r.role)).toEqual(['agency_staff']);
    const row = await userRow('alice@example.org');
    expect(row).toMatchObject({ oidcIssuer: issuer, oidcSubject: 'alice', passwordHash: null, isActive: true });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(account.id))));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]?.after).toMatchObject({ via: 'oidc', oidcSubject: 'alice', hasPassword: false });
    const signIns = await database.db.select().from(auditLog).where(eq(auditLog.action, 'sign_in'));
    expect(signIns.some((a) => (a.after as { via?: string }).via === 'oidc')).toBe(true);
  });

  it('maps a second sign-in to the same account', async () => {
    const before = await me((await signInVia('alice')).session);
    const { res, session } = await signInVia('alice', '?returnTo=%2Fprojects%2F3%3Ftab%3Dfunding');
    expect(res.headers.location).toBe('/projects/3?tab=funding');
    expect((await me(session)).id).toBe(before.id);
    const rows = await database.db.select().from(users).where(eq(users.oidcSubject, 'alice'));
    expect(rows).toHaveLength(1);
  });

  it('links an existing account with the same verified e-mail address', async () => {
    const bob = await createTestUser(database.db, 'bob@example.org', [{ role: 'funding_officer' }]);
    const { res, session } = await signInVia('bob');
    expect(res.headers.location).toBe('/');
    const account = await me(session);
    expect(account.id).toBe(bob.id);
    expect(account.roles.map((r) => r.role)).toEqual(['funding_officer']);
    expect(await userRow('bob@example.org')).toMatchObject({ oidcIssuer: issuer, oidcSubject: 'bob' });
    const [link] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'link_oidc'));
    expect(link).toMatchObject({ entityType: 'user', entityId: String(bob.id), actorUserId: bob.id });
  });

  it('does not link an account when the provider has not verified the e-mail address', async () => {
    const carol = await createTestUser(database.db, 'carol@example.org');
    const { res, session } = await signInVia('mallory');
    expect(res.headers.location).toBe('/login?error=sso_email');
    expect(session).toBeUndefined();
    expect(await userRow('carol@example.org')).toMatchObject({ id: carol.id, oidcIssuer: null, oidcSubject: null });
  });

  it('creates no account for an e-mail domain that is not allowed', async () => {
    const { res, session } = await signInVia('eve');
    expect(res.headers.location).toBe('/login?error=sso_domain');
    expect(session).toBeUndefined();
    expect(await userRow('eve@elsewhere.org')).toBeUndefined();
  });

  it('refuses deactivated accounts', async () => {
    const dora = await createTestUser(database.db, 'dora@example.org');
    await updateUser(database.db, systemActor, dora.id, { isActive: false });
    const { res, session } = await signInVia('dora');
    expect(res.headers.location).toBe('/login?error=sso_inactive');
    expect(session).toBeUndefined();
  });

  it('refuses a callback whose state does not match, or without the flow cookie', async () => {
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const flowCookie = cookie(start, 'standort_oidc') as string;
    const callbackUrl = await throughProvider(String(start.headers.location), 'alice');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'falsch-falsch-falsch-falsch');
    const wrongState = await app.inject({
      url: `${forged.pathname}${forged.search}`,
      headers: { cookie: flowCookie },
    });
    expect(wrongState.statusCode).toBe(302);
    expect(wrongState.headers.location).toBe('/login?error=sso_state');
    expect(cookie(wrongState, 'standort_session')).toBeUndefined();
    const noCookie = await app.inject({ url: `${callbackUrl.pathname}${callbackUrl.search}` });
    expect(noCookie.headers.location).toBe('/login?error=sso_state');
    expect(cookie(noCookie, 'standort_session')).toBeUndefined();
  });

  it('sends provider errors to the sign-in page without details', async () => {
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const state = new URL(String(start.headers.location)).searchParams.get('state') as string;
    const res = await app.inject({
      url: `/api/auth/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: cookie(start, 'standort_oidc') as string },
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?error=sso_failed');
    const forgedCode = await app.inject({
      url: `/api/auth/oidc/callback?code=erfunden&state=${state}&iss=${encodeURIComponent(issuer)}`,
      headers: { cookie: cookie(start, 'standort_oidc') as string },
    });
    expect(forgedCode.headers.location).toBe('/login?error=sso_failed');
  });

  it('keeps return paths on this site', () => {
    expect(safeReturnTo('/projects/3?tab=a#b')).toBe('/projects/3?tab=a#b');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:x']) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });

  it('answers 404 when single sign-on is not configured', async () => {
    const off = await buildApp({ db: database.db, oidc: null });
    try {
      expect((await off.inject({ url: '/api/auth/oidc' })).json()).toEqual({ enabled: false });
      for (const url of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=x&state=y']) {
        const res = await off.inject({ url });
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toMatchObject({
          code: 'not_found',
          message: 'Single Sign-on ist nicht eingerichtet.',
        });
      }
    } finally {
      await off.close();
    }
  });
});
