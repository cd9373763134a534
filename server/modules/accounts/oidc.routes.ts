import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../../contracts/common';
import type { OidcConfig } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { setSessionCookie } from '../../http/auth';
import {
  createOidcClient,
  decodeFlow,
  encodeFlow,
  finishOidcSignIn,
  type OidcErrorCode,
  OidcSignInError,
  startOidcSignIn,
} from './oidc.service';

/** Keeps state, nonce, PKCE verifier and return path between the redirect and the callback. */
export const OIDC_FLOW_COOKIE = 'standort_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';
const FLOW_MINUTES = 10;
const CALLBACK_PATH = '/api/auth/oidc/callback';

const notConfigured = () => new AppError('not_found', 'Single Sign-on ist nicht eingerichtet.');

function failed(reply: FastifyReply, code: OidcErrorCode) {
  return reply.redirect(`/login?error=${code}`, 302);
}

/** Single sign-on through OpenID Connect (authorization code flow with PKCE); off when `oidc` is null. */
export const oidcRoutes =
  (db: Db, oidc: OidcConfig | null): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Anmeldung'];
    const provider = oidc ? createOidcClient(oidc) : null;
    const redirectUriFor = (request: FastifyRequest) =>
      oidc?.redirectUri ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`;

    app.get(
      '/auth/oidc',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Ob Single Sign-on eingerichtet ist (für die Anmeldeseite)',
          response: { 200: z.object({ enabled: z.boolean(), name: z.string().optional() }) },
        },
      },
      () => (oidc ? { enabled: true, ...(oidc.name ? { name: oidc.name } : {}) } : { enabled: false }),
    );

    app.get(
      '/auth/oidc/login',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Leitet zur Anmeldung beim Identitätsanbieter weiter',
          querystring: z.object({ returnTo: z.string().max(500).optional() }),
          response: { 404: errorResponseSchema },
        },
      },
      async (request, reply) => {
        if (!provider) throw notConfigured();
        try {
          const { url, flow } = await startOidcSignIn(provider, redirectUriFor(request), request.query.returnTo);
          reply.setCookie(OIDC_FLOW_COOKIE, encodeFlow(flow), {
            path: FLOW_COOKIE_PATH,
            httpOnly: true,
            sameSite: 'lax',
            secure: request.protocol === 'https',
            maxAge: FLOW_MINUTES * 60,
          });
          return reply.redirect(url, 302);
        } catch (err) {
          request.log.warn({ err }, 'Single Sign-on: Anbieter nicht erreichbar');
          return failed(reply, 'sso_failed');
        }
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Rückkehr vom Identitätsanbieter: meldet an und leitet weiter',
          // The whole query goes to the OIDC client as it came; these are only documented.
          querystring: z.looseObject({
            code: z.string().optional(),
            state: z.string().optional(),
            error: z.string().optional(),
            iss: z.string().optional(),
          }),
          response: { 404: errorResponseSchema },
        },
      },
      async (request, reply) => {
        if (!provider) throw notConfigured();
        const flow = decodeFlow(request.cookies[OIDC_FLOW_COOKIE]);
        reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
        try {
          const session = await finishOidcSignIn(db, provider, {
            redirectUri: redirectUriFor(request),
            query: request.url.split('?')[1] ?? '',
            flow,
            userAgent: request.headers['user-agent'] ?? null,
          });
          setSessionCookie(request, reply, session.secret, session.expiresAt);
          return reply.redirect(session.returnTo, 302);
        } catch (err) {
          const code = err instanceof OidcSignInError ? err.code : 'sso_failed';
          request.log.warn({ err, code }, 'Single Sign-on abgelehnt');
          return failed(reply, code);
        }
      },
    );
  };
