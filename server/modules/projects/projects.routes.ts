import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../contracts/common';
import { listProjectsQuerySchema, projectDetailSchema, projectPageSchema } from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { getProject, listProjects } from './projects.service';

export const projectRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects',
      {
        schema: {
          tags: ['Projekte'],
          summary: 'Projekte suchen (deutsche Volltextsuche) und filtern, seitenweise',
          querystring: listProjectsQuerySchema,
          response: { 200: projectPageSchema, 400: errorResponseSchema },
        },
      },
      (request) => listProjects(db, request.query),
    );

    app.get(
      '/projects/:id',
      {
        schema: {
          tags: ['Projekte'],
          summary: 'Ein Projekt mit Organisationen, Statusverlauf, Mitteln und Herkunft',
          params: idParamSchema,
          response: { 200: projectDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getProject(db, request.params.id),
    );
  };
