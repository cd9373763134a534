import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contracts/audit';
import { errorResponses } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { exportAuditCsv, listAudit } from './audit.service';

const errors = errorResponses(400, 401, 403);

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Audit'];
    app.get(
      '/audit',
      {
        config: { access: 'admin', scope: 'audit:read' },
        schema: { tags, querystring: auditQuerySchema, response: { 200: auditPageSchema, ...errors } },
      },
      (request) => listAudit(db, request.query),
    );
    app.get(
      '/audit/export.csv',
      {
        config: { access: 'admin', scope: 'audit:read' },
        schema: { tags, querystring: auditQuerySchema.omit({ page: true, pageSize: true }) },
      },
      (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="standort-audit.csv"')
          .send(Readable.from(exportAuditCsv(db, request.query))),
    );
  };
