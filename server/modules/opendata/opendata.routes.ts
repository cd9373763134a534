import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../contracts/common';
import { type OpenDataQuery, openDataCatalogueSchema, openDataQuerySchema } from '../../../contracts/opendata';
import type { Db } from '../../db/client';
import { checkOpenDataQuery, getOpenDataCatalogue, listOpenGrants } from './opendata.service';
import { threeSixtyGivingCsv, threeSixtyGivingJson, toThreeSixtyGiving } from './three-sixty-giving';

const files = {
  json: { type: 'application/json; charset=utf-8', write: threeSixtyGivingJson },
  csv: { type: 'text/csv; charset=utf-8', write: threeSixtyGivingCsv },
} as const;

async function sendThreeSixtyGiving(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  query: OpenDataQuery,
  format: keyof typeof files,
): Promise<void> {
  await checkOpenDataQuery(db, query);
  const baseUrl = `${request.protocol}://${request.host}`;
  async function* grants() {
    for await (const row of listOpenGrants(db, query)) yield toThreeSixtyGiving(row, baseUrl);
  }
  const suffix = query.programmeId === undefined ? '' : `-programm-${query.programmeId}`;
  reply
    .type(files[format].type)
    .header(
      'content-disposition',
      `${format === 'json' ? 'inline' : 'attachment'}; filename="standort-360giving${suffix}.${format}"`,
    )
    // Public records only, the same for every reader: shared caches may keep the file a while.
    .header('cache-control', 'public, max-age=300')
    .send(Readable.from(files[format].write(grants()), { objectMode: false }));
  await reply;
}

export const openDataRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/open-data',
      {
        config: { access: 'public', scope: 'portfolio:read' },
        schema: {
          tags: ['Offene Daten'],
          summary: 'Die offenen Datensätze mit Lizenz, Zahl der öffentlichen Einträge und Download-Adressen',
          response: { 200: openDataCatalogueSchema },
        },
      },
      () => getOpenDataCatalogue(db),
    );

    for (const format of ['json', 'csv'] as const) {
      app.get(
        `/export/360giving.${format}`,
        {
          config: { access: 'public', scope: 'portfolio:read' },
          schema: {
            tags: ['Offene Daten'],
            summary: `Öffentliche Förderungen nach dem 360Giving Data Standard als ${format.toUpperCase()} (gestreamt)`,
            description:
              'Nur öffentliche Förderungen öffentlicher Projekte öffentlicher Programme, für alle Leser gleich. ' +
              'Kennungen: Förderung 360G-standort-<id>, Organisation XI-PIC-<PIC> oder 360G-standort-org-<id>; ' +
              'nicht öffentliche Empfänger erscheinen anonymisiert (360G-standort-withheld-<id>). Beträge in Euro.',
            querystring: openDataQuerySchema,
            response: { 400: errorResponseSchema, 404: errorResponseSchema },
          },
        },
        (request, reply) => sendThreeSixtyGiving(db, request, reply, request.query, format),
      );
    }
  };
