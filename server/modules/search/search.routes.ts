import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../contracts/common';
import { searchQuerySchema, searchResultSchema } from '../../../contracts/search';
import type { Db } from '../../db/client';
import { search } from './search.service';

export const searchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags: ['Suche'],
          summary: 'Ein Suchfeld über Programme, Organisationen und Projekte (je die besten Treffer)',
          querystring: searchQuerySchema,
          response: { 200: searchResultSchema, 400: errorResponseSchema },
        },
      },
      (request) => search(db, request.actor, request.query.q, request.query.limit),
    );
  };
