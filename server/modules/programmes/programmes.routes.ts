import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, errorResponses, idParamSchema, pageOf } from '../../../contracts/common';
import {
  createProgrammeSchema,
  fieldOfActionInputSchema,
  fieldOfActionSchema,
  programmeDetailSchema,
  programmeSummarySchema,
  updateProgrammeSchema,
} from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { createFieldOfAction, createProgramme, updateFieldOfAction, updateProgramme } from './programmes.editing';
import { getProgramme, listProgrammes } from './programmes.service';

const writeErrors = errorResponses(400, 401, 403, 404, 409);

export const programmeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programmes',
      {
        config: { access: 'public', scope: 'portfolio:read' },
        schema: {
          tags: ['Programme'],
          summary: 'Alle Programme mit Projektanzahl und erfassten Mitteln',
          response: { 200: pageOf(programmeSummarySchema) },
        },
      },
      (request) => listProgrammes(db, request.actor),
    );

    app.get(
      '/programmes/:id',
      {
        config: { access: 'public', scope: 'portfolio:read' },
        schema: {
          tags: ['Programme'],
          summary: 'Ein Programm mit Handlungsfeldern, Status, Mitteln und gemeldeten Kennzahlen',
          params: idParamSchema,
          response: { 200: programmeDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getProgramme(db, request.actor, request.params.id),
    );

    app.post(
      '/programmes',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Programme'],
          summary: 'Programm anlegen',
          body: createProgrammeSchema,
          response: { 201: programmeDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createProgramme(db, request.actor, request.body)),
    );

    app.patch(
      '/programmes/:id',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Programme'],
          summary: 'Programm ändern (mit der gelesenen Version; veraltet → 409)',
          params: idParamSchema,
          body: updateProgrammeSchema,
          response: { 200: programmeDetailSchema, ...writeErrors },
        },
      },
      (request) => updateProgramme(db, request.actor, request.params.id, request.body),
    );

    app.post(
      '/programmes/:id/fields-of-action',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Programme'],
          summary: 'Handlungsfeld anlegen',
          params: idParamSchema,
          body: fieldOfActionInputSchema,
          response: { 201: fieldOfActionSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createFieldOfAction(db, request.actor, request.params.id, request.body)),
    );

    app.patch(
      '/fields-of-action/:id',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Programme'],
          summary: 'Handlungsfeld umbenennen oder verschieben',
          params: idParamSchema,
          body: fieldOfActionInputSchema.partial(),
          response: { 200: fieldOfActionSchema, ...writeErrors },
        },
      },
      (request) => updateFieldOfAction(db, request.actor, request.params.id, request.body),
    );
  };
