import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from '../../../contracts/accounts';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { erasePerson, exportPersonalData } from './personal-data.service';
import { createUser, getUser, listUsers, updateUser } from './users.service';

const errors = errorResponses(400, 401, 403, 404, 409);

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Konten'];
    app.get(
      '/users',
      {
        config: { access: 'admin', scope: 'accounts:read' },
        schema: { tags, querystring: listUsersQuerySchema, response: { 200: userPageSchema, ...errors } },
      },
      (request) => listUsers(db, request.actor, request.query),
    );
    app.get(
      '/users/:id',
      {
        config: { access: 'admin', scope: 'accounts:read' },
        schema: { tags, params: idParamSchema, response: { 200: userSchema, ...errors } },
      },
      (request) => getUser(db, request.params.id),
    );
    app.post(
      '/users',
      {
        config: { access: 'admin', scope: 'accounts:write' },
        schema: { tags, body: createUserSchema, response: { 201: userSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createUser(db, request.actor, request.body)),
    );
    app.patch(
      '/users/:id',
      {
        config: { access: 'admin', scope: 'accounts:write' },
        schema: { tags, params: idParamSchema, body: updateUserSchema, response: { 200: userSchema, ...errors } },
      },
      (request) => updateUser(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/users/:id/personal-data',
      {
        config: { access: 'signed_in', scope: 'accounts:read' },
        schema: {
          tags,
          summary: 'Alle Daten einer Person als JSON (die Person selbst oder Administration)',
          params: idParamSchema,
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .header('content-disposition', `attachment; filename="standort-personendaten-${request.params.id}.json"`)
          .send(await exportPersonalData(db, request.actor, request.params.id)),
    );
    app.post(
      '/users/:id/erase',
      {
        config: { access: 'admin', scope: 'accounts:write' },
        schema: {
          tags,
          summary: 'Person löschen: personenbezogene Daten entfernen, Vorgänge behalten',
          params: idParamSchema,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (request) => {
        await erasePerson(db, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
