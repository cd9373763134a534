import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParamSchema } from '../../../contracts/common';
import {
  compareParamsSchema,
  freezeReportSchema,
  progressReportSchema,
  reportComparisonSchema,
  reportQuerySchema,
  reportSnapshotDetailSchema,
  reportSnapshotListSchema,
} from '../../../contracts/reports';
import type { Db } from '../../db/client';
import { reportFormats, sendReportFile } from './report-files';
import { getProgrammeReport } from './reports.service';
import { compareReportSnapshots, freezeReport, getReportSnapshot, listReportSnapshots } from './snapshots.service';

const read = { access: 'public', scope: 'portfolio:read' } as const;
const tags = ['Berichte'];

export const reportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programmes/:id/report',
      {
        config: read,
        schema: {
          tags,
          summary: 'Fortschrittsbericht eines Programms zum Stichtag (ohne asOf: heute)',
          params: idParamSchema,
          querystring: reportQuerySchema,
          response: { 200: progressReportSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getProgrammeReport(db, request.actor, request.params.id, request.query.asOf),
    );

    for (const format of reportFormats) {
      app.get(
        `/programmes/:id/report.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Fortschrittsbericht zum Stichtag als ${format.toUpperCase()}`,
            params: idParamSchema,
            querystring: reportQuerySchema,
            response: errorResponses(400, 404),
          },
        },
        async (request, reply) =>
          sendReportFile(
            reply,
            format,
            await getProgrammeReport(db, request.actor, request.params.id, request.query.asOf),
          ),
      );

      app.get(
        `/reports/:id.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Eingefrorener Bericht als ${format.toUpperCase()} (aus den gespeicherten Daten)`,
            params: idParamSchema,
            response: errorResponses(400, 404),
          },
        },
        async (request, reply) => {
          const { data, ...snapshot } = await getReportSnapshot(db, request.actor, request.params.id);
          return sendReportFile(reply, format, data, snapshot);
        },
      );
    }

    app.post(
      '/programmes/:id/reports',
      {
        config: { access: 'signed_in', scope: 'portfolio:write' },
        schema: {
          tags,
          summary: 'Bericht zum Stichtag einfrieren (unveränderlich, Versionen zählen je Programm hoch)',
          params: idParamSchema,
          body: freezeReportSchema,
          response: { 201: reportSnapshotDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await freezeReport(db, request.actor, request.params.id, request.body)),
    );

    app.get(
      '/programmes/:id/reports',
      {
        config: read,
        schema: {
          tags,
          summary: 'Eingefrorene Berichte eines Programms, neueste Version zuerst',
          params: idParamSchema,
          response: { 200: reportSnapshotListSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => listReportSnapshots(db, request.actor, request.params.id),
    );

    app.get(
      '/reports/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Ein eingefrorener Bericht mit seinen Daten',
          params: idParamSchema,
          response: { 200: reportSnapshotDetailSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => getReportSnapshot(db, request.actor, request.params.id),
    );

    app.get(
      '/reports/:id/compare/:otherId',
      {
        config: read,
        schema: {
          tags,
          summary: 'Zwei eingefrorene Berichte vergleichen: Kennzahlen, Status, Projekte, Mittel',
          params: compareParamsSchema,
          response: { 200: reportComparisonSchema, ...errorResponses(400, 404) },
        },
      },
      (request) => compareReportSnapshots(db, request.actor, request.params.id, request.params.otherId),
    );
  };
