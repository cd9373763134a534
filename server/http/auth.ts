import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenScope } from '../../contracts/accounts';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { type Actor, anonymous, isAdmin, resolveSession, resolveToken, scopeAllows } from '../modules/accounts';

export const SESSION_COOKIE = 'standort_session';

/** Who may call a route: anyone (services filter by visibility), any signed-in user, or admins only. */
export type Access = 'public' | 'signed_in' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** What an API token must allow to call the route. */
    scope?: TokenScope;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export type RouteRule = { method: string; url: string; access: Access; scope: TokenScope | undefined };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every request (session cookie or bearer token), enforces each route's
 * access rule, token scope and CSRF token, and refuses to register an API route without a rule.
 * Returns the route table, which the authorisation tests walk.
 */
export async function registerAuth(app: FastifyInstance, db: Db): Promise<RouteRule[]> {
  await app.register(cookie);
  app.decorateRequest('actor', null as never);
  const routeTable: RouteRule[] = [];

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const config = route.config as { access?: Access; scope?: TokenScope } | undefined;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!config?.access)
      throw new Error(`Route ${methods.join(',')} ${route.url} hat keine Zugriffsregel (config.access).`);
    for (const method of methods) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: config.access, scope: config.scope });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = await actorOf(db, request);
  });

  // preValidation, not preHandler: who may call a route is decided before its input is looked at.
  app.addHook('preValidation', async (request) => {
    const { access, scope } = request.routeOptions.config;
    if (!access || !request.url.startsWith('/api')) return;
    const actor = request.actor;
    if (access !== 'public' && actor.kind !== 'user')
      throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
    if (access === 'admin' && !isAdmin(actor))
      throw new AppError('forbidden', 'Nur für Administratorinnen und Administratoren.');
    if (actor.kind === 'user' && !scopeAllows(actor.scopes, scope)) {
      throw new AppError('forbidden', `Das API-Token erlaubt ${scope} nicht.`, { requiredScope: scope });
    }
    if (actor.kind === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.csrfToken) {
        throw new AppError('csrf_failed', 'CSRF-Token fehlt oder ist falsch (Kopfzeile x-csrf-token).');
      }
    }
  });

  return routeTable;
}

async function actorOf(db: Db, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    const actor = scheme?.toLowerCase() === 'bearer' && token ? await resolveToken(db, token) : null;
    if (!actor) throw new AppError('unauthenticated', 'Das API-Token ist ungültig, abgelaufen oder widerrufen.');
    return actor;
  }
  const secret = request.cookies[SESSION_COOKIE];
  return (secret && (await resolveSession(db, secret))) || anonymous;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
