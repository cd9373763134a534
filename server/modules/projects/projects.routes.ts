import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, errorResponses, idParamSchema } from '../../../contracts/common';
import {
  changeStatusSchema,
  createProjectSchema,
  listProjectsQuerySchema,
  projectDetailSchema,
  projectPageSchema,
  updateProjectSchema,
} from '../../../contracts/portfolio';
import type { Db } from '../../db/client';
import { exportFormats, sendTableExport } from '../../http/table-export';
import { changeProjectStatus, createProject, updateProject } from './projects.editing';
import { exportProjects, projectExportColumns } from './projects.export';
import { getProject, listProjects } from './projects.service';

const writeErrors = errorResponses(400, 401, 403, 404, 409);

export const projectRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects',
      {
        config: { access: 'public', scope: 'portfolio:read' },
        schema: {
          tags: ['Projekte'],
          summary: 'Projekte suchen (deutsche Volltextsuche) und filtern, seitenweise',
          querystring: listProjectsQuerySchema,
          response: { 200: projectPageSchema, 400: errorResponseSchema },
        },
      },
      (request) => listProjects(db, request.actor, request.query),
    );

    for (const format of exportFormats) {
      app.get(
        `/projects/export.${format}`,
        {
          config: { access: 'public', scope: 'portfolio:read' },
          schema: {
            tags: ['Projekte'],
            summary: `Projektliste als ${format.toUpperCase()}-Datei, mit den Filtern der Liste (höchstens 100.000 Zeilen)`,
            querystring: listProjectsQuerySchema.omit({ page: true, pageSize: true }),
            response: { 400: errorResponseSchema },
          },
        },
        (request, reply) =>
          sendTableExport(reply, {
            format,
            fileStem: 'standort-projekte',
            sheetName: 'Projekte',
            columns: projectExportColumns,
            source: (limit) => exportProjects(db, request.actor, request.query, limit),
          }),
      );
    }

    app.get(
      '/projects/:id',
      {
        config: { access: 'public', scope: 'portfolio:read' },
        schema: {
          tags: ['Projekte'],
          summary: 'Ein Projekt mit Organisationen, Statusverlauf, Mitteln und Herkunft',
          params: idParamSchema,
          response: { 200: projectDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
        },
      },
      (request) => getProject(db, request.actor, request.params.id),
    );

    app.post(
      '/projects',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Projekte'],
          summary: 'Projekt anlegen',
          body: createProjectSchema,
          response: { 201: projectDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createProject(db, request.actor, request.body)),
    );

    app.patch(
      '/projects/:id',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Projekte'],
          summary: 'Projekt ändern (mit der gelesenen Version; veraltet → 409)',
          params: idParamSchema,
          body: updateProjectSchema,
          response: { 200: projectDetailSchema, ...writeErrors },
        },
      },
      (request) => updateProject(db, request.actor, request.params.id, request.body),
    );

    app.post(
      '/projects/:id/status',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags: ['Projekte'],
          summary: 'Status ändern, datiert und mit Kommentar',
          params: idParamSchema,
          body: changeStatusSchema,
          response: { 201: projectDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await changeProjectStatus(db, request.actor, request.params.id, request.body)),
    );
  };
