import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { districtShapesSchema, mapQuerySchema, mapValuesSchema } from '../../../contracts/map';
import type { Db } from '../../db/client';
import { districtShapes, mapValues } from './map.service';

export const mapRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Karte'];
    app.get(
      '/map',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags,
          summary: 'Organisationen, Projekte oder Fördermittel je NRW-Kreis oder Piemont-Provinz',
          querystring: mapQuerySchema,
          response: { 200: mapValuesSchema, ...errorResponses(400) },
        },
      },
      (request) => mapValues(db, request.actor, request.query),
    );
    app.get(
      '/map/shapes',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags,
          summary: 'Umrisse der 53 NRW-Kreise und kreisfreien Städte (GeoJSON, WGS84, © GeoBasis-DE / BKG)',
          response: { 200: districtShapesSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return districtShapes();
      },
    );
  };
