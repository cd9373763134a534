import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenSchema,
  changePasswordSchema,
  createdTokenSchema,
  createTokenSchema,
  loginSchema,
  meSchema,
  requestResetSchema,
  resetPasswordSchema,
  sessionSchema,
} from '../../../contracts/accounts';
import { errorResponseSchema, errorResponses, idParamSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { clearSessionCookie, setSessionCookie } from '../../http/auth';
import type { Actor } from './actor';
import { changePassword, requestPasswordReset, resetPassword } from './passwords.service';
import {
  actorForUser,
  authenticate,
  createSession,
  listSessions,
  revokeSession,
  signOut,
  signOutEverywhere,
} from './sessions.service';
import { createToken, listTokens, revokeToken } from './tokens.service';
import { getUser } from './users.service';

const ok = z.object({ ok: z.literal(true) });
const errors = errorResponses(400, 401, 403, 429);

async function me(db: Db, actor: Actor) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Nicht angemeldet.');
  const user = await getUser(db, actor.userId);
  return {
    id: actor.userId,
    email: user.email ?? '',
    name: actor.name,
    roles: actor.roles,
    csrfToken: actor.csrfToken ?? null,
    via: actor.via === 'token' ? ('token' as const) : ('session' as const),
  };
}

export const authRoutes =
  (db: Db, log: (message: string) => void): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Anmeldung'];

    app.post(
      '/auth/login',
      { config: { access: 'public' }, schema: { tags, body: loginSchema, response: { 200: meSchema, ...errors } } },
      async (request, reply) => {
        const userId = await authenticate(db, request.body.email, request.body.password, request.ip);
        const session = await createSession(db, userId, request.headers['user-agent'] ?? null);
        setSessionCookie(request, reply, session.secret, session.expiresAt);
        const actor = await actorForUser(db, userId, 'session');
        return me(db, { ...actor, csrfToken: session.csrfToken });
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: 'signed_in' }, schema: { tags, response: { 200: ok, ...errors } } },
      async (request, reply) => {
        await signOut(db, request.actor);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/logout-everywhere',
      {
        config: { access: 'signed_in' },
        schema: { tags, response: { 200: z.object({ sessions: z.number().int() }), ...errors } },
      },
      async (request, reply) => {
        const ended = await signOutEverywhere(db, request.actor);
        clearSessionCookie(reply);
        return { sessions: ended };
      },
    );

    app.get(
      '/auth/me',
      { config: { access: 'signed_in', scope: 'read' }, schema: { tags, response: { 200: meSchema, ...errors } } },
      (request) => me(db, request.actor),
    );

    app.get(
      '/auth/sessions',
      {
        config: { access: 'signed_in', scope: 'accounts:read' },
        schema: { tags, response: { 200: z.object({ items: z.array(sessionSchema) }), ...errors } },
      },
      async (request) => ({ items: await listSessions(db, request.actor) }),
    );

    app.delete(
      '/auth/sessions/:id',
      {
        config: { access: 'signed_in', scope: 'accounts:write' },
        schema: {
          tags,
          params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
          response: { 200: ok, 404: errorResponseSchema, ...errors },
        },
      },
      async (request) => {
        await revokeSession(db, request.actor, request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'signed_in', scope: 'accounts:write' },
        schema: { tags, body: changePasswordSchema, response: { 200: ok, ...errors } },
      },
      async (request) => {
        await changePassword(db, request.actor, request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password-reset',
      { config: { access: 'public' }, schema: { tags, body: requestResetSchema, response: { 202: ok, ...errors } } },
      async (request, reply) => {
        const baseUrl = `${request.protocol}://${request.host}`;
        const mail = await requestPasswordReset(db, request.body.email, request.ip, baseUrl);
        // No mail server is configured: the outbox table and this log line are the delivery.
        if (mail) log(`Postausgang → ${mail.recipient}: ${mail.subject}\n${mail.body}`);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      { config: { access: 'public' }, schema: { tags, body: resetPasswordSchema, response: { 200: ok, ...errors } } },
      async (request) => {
        await resetPassword(db, request.body.token, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/tokens',
      {
        config: { access: 'signed_in', scope: 'accounts:read' },
        schema: { tags, response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errors } },
      },
      async (request) => ({ items: await listTokens(db, request.actor) }),
    );

    app.post(
      '/auth/tokens',
      {
        config: { access: 'signed_in', scope: 'accounts:write' },
        schema: { tags, body: createTokenSchema, response: { 201: createdTokenSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createToken(db, request.actor, request.body)),
    );

    app.delete(
      '/auth/tokens/:id',
      {
        config: { access: 'signed_in', scope: 'accounts:write' },
        schema: { tags, params: idParamSchema, response: { 200: ok, 404: errorResponseSchema, ...errors } },
      },
      async (request) => {
        await revokeToken(db, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
