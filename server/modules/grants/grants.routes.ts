import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  addGrantLinesSchema,
  createGrantSchema,
  fundingLinePageSchema,
  fundingLinesQuerySchema,
  grantDetailSchema,
  grantPageSchema,
  listGrantsQuerySchema,
  programmeChecksSchema,
  programmeSummarySchema,
  rollupQuerySchema,
  rollupSchema,
} from '../../../contracts/funding';
import type { Db } from '../../db/client';
import { exportFormats, sendTableExport } from '../../http/table-export';
import { addGrantLines, createGrant } from './grants.editing';
import { grantExportColumns } from './grants.export';
import { exportGrants, getGrant, listGrants } from './grants.service';
import { listFundingLines, programmeChecks, programmeRollup } from './rollup.service';
import { programmeSummary } from './summary.service';

export const grantRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Förderungen'];
    const read = { access: 'public', scope: 'portfolio:read' } as const;
    const write = { access: 'signed_in', scope: 'portfolio:write' } as const;
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    app.get(
      '/grants',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Förderungen (Bewilligungen an Konsortien), gefiltert nach Programm, Projekt, Partner, Aufruf, Quelle, Jahr',
          querystring: listGrantsQuerySchema,
          response: { 200: grantPageSchema, ...errorResponses(400) },
        },
      },
      (request) => listGrants(db, request.actor, request.query),
    );
    for (const format of exportFormats) {
      app.get(
        `/grants/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Förderliste als ${format.toUpperCase()}-Datei, mit den Filtern der Liste (höchstens 100.000 Zeilen)`,
            querystring: listGrantsQuerySchema.omit({ page: true, pageSize: true }),
            response: errorResponses(400),
          },
        },
        (request, reply) =>
          sendTableExport(reply, {
            format,
            fileStem: 'standort-foerderungen',
            sheetName: 'Förderungen',
            columns: grantExportColumns,
            source: (limit) => exportGrants(db, request.actor, request.query, limit),
          }),
      );
    }
    app.get(
      '/grants/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Eine Förderung: Konsortium mit Anteilen, Finanzierungszeilen, Kofinanzierung, Warnungen',
          params: idParamSchema,
          response: { 200: grantDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getGrant(db, request.actor, request.params.id),
    );
    app.post(
      '/grants',
      {
        config: write,
        schema: {
          tags,
          summary: 'Förderung erfassen: Bewilligung, Partner mit Anteilen, Finanzierungszeilen',
          body: createGrantSchema,
          response: { 201: grantDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await createGrant(db, request.actor, request.body)),
    );
    app.post(
      '/grants/:id/lines',
      {
        config: write,
        schema: {
          tags,
          summary: 'Finanzierungszeilen ergänzen (Zusage, Auszahlung)',
          params: idParamSchema,
          body: addGrantLinesSchema,
          response: { 201: grantDetailSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addGrantLines(db, request.actor, request.params.id, request.body)),
    );
    app.get(
      '/programmes/:id/summary',
      {
        config: read,
        schema: {
          tags,
          summary: 'Mittel eines Programms nach Quelle, Art, Jahr und Handlungsfeld, mit Kofinanzierung',
          params: idParamSchema,
          response: { 200: programmeSummarySchema, ...errorResponses(400, 404) },
        },
      },
      (request) => programmeSummary(db, request.actor, request.params.id),
    );
    app.get(
      '/programmes/:id/rollup',
      {
        config: read,
        schema: {
          tags,
          summary: 'Mittel eines Programms nach Quelle, Fonds, Art, Jahr, Handlungsfeld, Kreis oder Empfängertyp',
          params: idParamSchema,
          querystring: rollupQuerySchema,
          response: { 200: rollupSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => programmeRollup(db, request.actor, request.params.id, request.query.by),
    );
    app.get(
      '/funding-lines',
      {
        config: read,
        schema: {
          tags,
          summary: 'Die Finanzierungszeilen hinter einer Summe (Drill-down), größte zuerst',
          querystring: fundingLinesQuerySchema,
          response: { 200: fundingLinePageSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => listFundingLines(db, request.actor, request.query),
    );
    app.get(
      '/programmes/:id/checks',
      {
        config: read,
        schema: {
          tags,
          summary: 'Plausibilitätsprüfungen: gemeldete Zahlen, Bewilligungen über Budget, Projekte ohne Mittel',
          params: idParamSchema,
          response: { 200: programmeChecksSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => programmeChecks(db, request.actor, request.params.id),
    );
  };
