import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../contracts/common';
import { regionDetailSchema, regionListQuerySchema, regionListSchema } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { getRegion, listRegions } from './regions.service';

export const regionRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/regions',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags: ['Regionen'],
          summary: 'Regionen (Land, Regierungsbezirk, Kreis, Gemeinde; Regione, Provincia, Comune) nach Namen',
          querystring: regionListQuerySchema,
          response: { 200: regionListSchema, 400: errorResponseSchema },
        },
      },
      (request) => listRegions(db, request.query),
    );

    app.get(
      '/regions/:id',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags: ['Regionen'],
          summary: 'Eine Region mit amtlichem Schlüssel und übergeordneten Gebieten',
          params: idParamSchema,
          response: { 200: regionDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getRegion(db, request.params.id),
    );
  };
