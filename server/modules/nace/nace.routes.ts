import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { listNaceQuerySchema, naceListSchema } from '../../../contracts/nace';
import type { Db } from '../../db/client';
import { listNace } from './nace.service';

export const naceRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/nace',
      {
        config: { access: 'public', scope: 'directory:read' },
        schema: {
          tags: ['Verzeichnis'],
          summary: 'NACE-Codes nach Bezeichnung (de/en/it), Code-Anfang, Ebene oder übergeordnetem Code',
          querystring: listNaceQuerySchema,
          response: { 200: naceListSchema, ...errorResponses(400) },
        },
      },
      (request) => listNace(db, request.query),
    );
  };
