import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AuditEntry, auditPageSchema, auditQuerySchema } from '../../../contracts/audit';
import { errorResponses } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { csvField } from '../../http/table-export';
import { exportAudit, listAudit } from './audit.service';

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
          .send(Readable.from(auditCsv(exportAudit(db, request.query)))),
    );
  };

const csvHeader = 'id,at,actor_user_id,actor_name,actor_via,action,entity_type,entity_id,before,after';

/** The log as comma-separated lines for audit tools, with machine names as headers. */
async function* auditCsv(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  yield `${csvHeader}\n`;
  for await (const e of entries) {
    const cells = [e.id, e.at, e.actorUserId, e.actorName, e.actorVia, e.action, e.entityType, e.entityId];
    const texts = [
      ...cells.map((c) => (c === null ? '' : String(c))),
      JSON.stringify(e.before),
      JSON.stringify(e.after),
    ];
    yield `${texts.map((t) => csvField(t, ',')).join(',')}\n`;
  }
}
