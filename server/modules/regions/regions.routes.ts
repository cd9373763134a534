import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../contracts/common';
import { regionListQuerySchema, regionListSchema } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { listRegions } from './regions.service';

export const regionRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/regions',
      {
        schema: {
          tags: ['Regionen'],
          summary: 'Regionen (Land, Regierungsbezirk, Kreis, Gemeinde; Regione, Provincia, Comune) nach Namen',
          querystring: regionListQuerySchema,
          response: { 200: regionListSchema, 400: errorResponseSchema },
        },
      },
      (request) => listRegions(db, request.query),
    );
  };
