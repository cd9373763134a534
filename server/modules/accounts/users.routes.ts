import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createUserSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from '../../../contracts/accounts';
import { errorResponseSchema, idParamSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { createUser, getUser, listUsers, updateUser } from './users.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

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
  };
