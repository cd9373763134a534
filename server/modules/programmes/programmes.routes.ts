import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema, pageOf } from '../../../contracts/common';
import { programmeDetailSchema, programmeSummarySchema } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { getProgramme, listProgrammes } from './programmes.service';

export const programmeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programmes',
      {
        schema: {
          tags: ['Programme'],
          summary: 'Alle Programme mit Projektanzahl und erfassten Mitteln',
          response: { 200: pageOf(programmeSummarySchema) },
        },
      },
      () => listProgrammes(db),
    );

    app.get(
      '/programmes/:id',
      {
        schema: {
          tags: ['Programme'],
          summary: 'Ein Programm mit Handlungsfeldern, Status, Mitteln und gemeldeten Kennzahlen',
          params: idParamSchema,
          response: { 200: programmeDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getProgramme(db, request.params.id),
    );
  };
