import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError, httpStatusFor } from '../errors';

/** Maps every error to `{ error: { code, message, details } }`; never leaks stacks or SQL. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        reason: v.message ?? 'ungültig',
      }));
      const named = fields.map((f) => f.field).join(', ');
      return reply.status(400).send({
        error: { code: 'validation_failed', message: `Ungültige Angaben: ${named}`, details: { fields } },
      });
    }
    const appError = err instanceof AppError ? err : fromDatabaseError(err);
    if (appError) {
      return reply.status(httpStatusFor(appError.code)).send({
        error: { code: appError.code, message: appError.message, details: appError.details },
      });
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'validation_failed', message: err.message } });
    }
    request.log.error({ err }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Interner Fehler.' } });
  });
}
