import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  searchQuerySchema,
  searchResultSchema,
  suggestQuerySchema,
  suggestResultSchema,
} from '../../../contracts/search';
import type { Db } from '../../db/client';
import { search } from './search.service';
import { suggest } from './suggest.service';

export const searchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags: ['Suche'],
          summary: 'Ein Suchfeld über Programme, Organisationen, Personen und Projekte: beste Treffer und Facetten',
          querystring: searchQuerySchema,
          response: { 200: searchResultSchema, ...errorResponses(400) },
        },
      },
      (request) => search(db, request.actor, request.query),
    );
    app.get(
      '/search/suggest',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags: ['Suche'],
          summary: 'Vorschläge beim Tippen: Organisationen, Personen und Programme',
          querystring: suggestQuerySchema,
          response: { 200: suggestResultSchema, ...errorResponses(400) },
        },
      },
      (request) => suggest(db, request.actor, request.query),
    );
  };
