import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../contracts/common';
import {
  listOrganisationsQuerySchema,
  organisationDetailSchema,
  organisationPageSchema,
} from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { getOrganisation, listOrganisations } from './directory.service';

export const organisationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Organisationen'];
    app.get(
      '/organisations',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags,
          summary: 'Organisationen suchen (fehlertolerant, auch über Aliasnamen) und filtern, seitenweise',
          querystring: listOrganisationsQuerySchema,
          response: { 200: organisationPageSchema, 400: errorResponseSchema },
        },
      },
      (request) => listOrganisations(db, request.actor, request.query),
    );
    app.get(
      '/organisations/:id',
      {
        config: { access: 'public', scope: 'read' },
        schema: {
          tags,
          summary: 'Eine Organisation mit Kennungen, Aliasnamen, Programmen und Partnern aus gemeinsamen Projekten',
          params: idParamSchema,
          response: { 200: organisationDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getOrganisation(db, request.actor, request.params.id),
    );
  };
