import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  addIndicatorValueSchema,
  createPartnershipEventSchema,
  indicatorParamsSchema,
  partnershipDetailSchema,
  partnershipListSchema,
} from '../../../contracts/partnerships';
import type { Db } from '../../db/client';
import { addIndicatorValue, addPartnershipEvent } from './partnerships.editing';
import { getPartnership, listPartnerships } from './partnerships.service';

export const partnershipRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Partnerregionen'];
    const read = { access: 'public', scope: 'directory:read' } as const;
    const write = { access: 'signed_in', scope: 'directory:write' } as const;
    const changed = { 200: partnershipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) };
    app.get(
      '/partnerships',
      {
        config: read,
        schema: {
          tags,
          summary: 'Regionale Partnerschaften mit ihrem Abkommen',
          response: { 200: partnershipListSchema },
        },
      },
      (request) => listPartnerships(db, request.actor),
    );
    app.get(
      '/partnerships/:id',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Eine Partnerschaft: Abkommen, Besuche und Gespräche, Kennzahlen als Zeitreihen, beteiligte Organisationen',
          params: idParamSchema,
          response: { 200: partnershipDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getPartnership(db, request.actor, request.params.id),
    );
    app.post(
      '/partnerships/:id/events',
      {
        config: write,
        schema: {
          tags,
          summary: 'Delegationsbesuch, Gespräch oder Treffen eintragen',
          params: idParamSchema,
          body: createPartnershipEventSchema,
          response: changed,
        },
      },
      (request) => addPartnershipEvent(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/partnerships/:id/indicators/:indicatorId/values',
      {
        config: write,
        schema: {
          tags,
          summary: 'Wert einer Kennzahl für einen Zeitraum eintragen',
          params: indicatorParamsSchema,
          body: addIndicatorValueSchema,
          response: changed,
        },
      },
      (request) => addIndicatorValue(db, request.actor, request.params.id, request.params.indicatorId, request.body),
    );
  };
