import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import {
  importFileQuerySchema,
  importFileSchema,
  importJobQuerySchema,
  importJobSchema,
  importJobStartedSchema,
  startGrantImportSchema,
} from '../../../contracts/grant-import';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { canImportGrants, getImportJob, startGrantImport, storeImportFile } from './grant-import.service';

// Uploads arrive as the raw file; the handler streams them to disk (and stops at the size limit).
const uploadTypes = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

// Members get 403 before their input is even validated.
async function importersOnly(request: FastifyRequest) {
  if (!canImportGrants(request.actor)) {
    throw new AppError('forbidden', 'Förderungen importieren dürfen Programmbüros und Förderreferate.');
  }
}

/** Generic imports over HTTP: upload a file, dry-run or commit it as a job, follow the job. */
export const importRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Importe'];
    const config = { access: 'signed_in', scope: 'portfolio:write' } as const;
    app.addContentTypeParser(uploadTypes, (_request, payload, done) => done(null, payload));
    app.post(
      '/imports/files',
      {
        config,
        preValidation: importersOnly,
        schema: {
          tags,
          summary:
            'Datei (CSV oder XLSX, höchstens 50 MB) als Rohdaten hochladen: Spalten, erste Zeilen, Zuordnungsvorschlag',
          querystring: importFileQuerySchema,
          response: { 201: importFileSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Partial<Readable>).pipe !== 'function') {
          throw new AppError('validation_failed', `Die Datei als Rohdaten senden (Content-Type ${uploadTypes[0]} …).`, {
            field: 'body',
          });
        }
        return reply.status(201).send(await storeImportFile(request.actor, body, request.query.name));
      },
    );
    app.post(
      '/imports/grants',
      {
        config,
        preValidation: importersOnly,
        schema: {
          tags,
          summary: 'Förderungen aus einer hochgeladenen Datei mit Spaltenzuordnung prüfen (dryRun) oder importieren',
          body: startGrantImportSchema,
          response: { 202: importJobStartedSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await startGrantImport(db, request.actor, request.body, (err) => request.log.error({ err }, 'import'))),
    );
    app.get(
      '/imports/jobs/:id',
      {
        config,
        preValidation: importersOnly,
        schema: {
          tags,
          summary: 'Stand eines Importauftrags: Phase, Fortschritt, fehlerhafte Zeilen (seitenweise), Zusammenfassung',
          params: z.object({ id: z.uuid('Keine Auftrags-ID') }),
          querystring: importJobQuerySchema,
          response: { 200: importJobSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => getImportJob(request.actor, request.params.id, request.query),
    );
  };
