import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  applicationDetailSchema,
  applicationPageSchema,
  callDetailSchema,
  callPageSchema,
  createCallSchema,
  listApplicationsQuerySchema,
  listCallsQuerySchema,
  submitApplicationSchema,
  transitionApplicationSchema,
  updateCallSchema,
} from '../../../contracts/calls';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { exportFormats, sendTableExport } from '../../http/table-export';
import { getApplication, listApplications, submitApplication } from './applications.service';
import { transitionApplication } from './applications.transitions';
import { createCall, updateCall } from './calls.editing';
import { callExportColumns, exportCalls, getCall, listCalls } from './calls.service';

export const callRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Förderaufrufe'];
    const read = { access: 'public', scope: 'portfolio:read' } as const;
    const signedInRead = { access: 'signed_in', scope: 'portfolio:read' } as const;
    const write = { access: 'signed_in', scope: 'portfolio:write' } as const;
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    app.get(
      '/calls',
      {
        config: read,
        schema: {
          tags,
          summary: 'Förderaufrufe: offen, demnächst, geschlossen; nach Programm, Organisationsart, Region, NACE',
          querystring: listCallsQuerySchema,
          response: { 200: callPageSchema, ...errorResponses(400) },
        },
      },
      (request) => listCalls(db, request.actor, request.query),
    );
    for (const format of exportFormats) {
      app.get(
        `/calls/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Förderaufrufe als ${format.toUpperCase()}-Datei, mit den Filtern der Liste (höchstens 100.000 Zeilen)`,
            querystring: listCallsQuerySchema.omit({ page: true, pageSize: true }),
            response: errorResponses(400),
          },
        },
        (request, reply) =>
          sendTableExport(reply, {
            format,
            fileStem: 'standort-foerderaufrufe',
            sheetName: 'Förderaufrufe',
            columns: callExportColumns,
            source: (limit) => exportCalls(db, request.actor, request.query, limit),
          }),
      );
    }
    app.get(
      '/calls/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Ein Förderaufruf: Fördergeber, Budget, Fristen, Antragsberechtigung, Unterlagen',
          params: idParamSchema,
          response: { 200: callDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getCall(db, request.actor, request.params.id),
    );
    app.post(
      '/calls',
      {
        config: write,
        schema: {
          tags,
          summary: 'Förderaufruf anlegen',
          body: createCallSchema,
          response: { 201: callDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createCall(db, request.actor, request.body)),
    );
    app.patch(
      '/calls/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Förderaufruf ändern (mit der gelesenen Version)',
          params: idParamSchema,
          body: updateCallSchema,
          response: { 200: callDetailSchema, ...writeErrors },
        },
      },
      (request) => updateCall(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/calls/:id/applications',
      {
        config: signedInRead,
        schema: {
          tags,
          summary: 'Anträge zu einem Aufruf: alle für Mitarbeitende, sonst die der eigenen Organisationen',
          params: idParamSchema,
          querystring: listApplicationsQuerySchema,
          response: { 200: applicationPageSchema, ...errorResponses(400, 401, 404) },
        },
      },
      (request) => listApplications(db, request.actor, request.params.id, request.query),
    );
    app.post(
      '/calls/:id/applications',
      {
        config: write,
        schema: {
          tags,
          summary: 'Antrag stellen: Lead, Partner mit Beträgen, Zeitraum',
          params: idParamSchema,
          body: submitApplicationSchema,
          response: { 201: applicationDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await submitApplication(db, request.actor, request.params.id, request.body)),
    );
    app.get(
      '/applications/:id',
      {
        config: signedInRead,
        schema: {
          tags,
          summary: 'Ein Antrag mit Konsortium und datiertem Verlauf',
          params: idParamSchema,
          response: { 200: applicationDetailSchema, ...errorResponses(400, 401, 404) },
        },
      },
      (request) => getApplication(db, request.actor, request.params.id),
    );
    app.post(
      '/applications/:id/transitions',
      {
        config: write,
        schema: {
          tags,
          summary: 'Antrag prüfen, bewilligen (legt Projekt und Förderung an), ablehnen oder zurückziehen',
          params: idParamSchema,
          body: transitionApplicationSchema,
          response: { 200: applicationDetailSchema, ...writeErrors },
        },
      },
      (request) => transitionApplication(db, request.actor, request.params.id, request.body),
    );
  };
