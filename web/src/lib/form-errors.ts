import { z } from 'zod';
import { ApiError } from './api';

const fieldDetailsSchema = z.object({
  fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  field: z.string().optional(),
});

/**
 * The per-field messages of an API error, keyed by field name without the "body." prefix
 * ("title", "roles.0.organisationId"): from `validation_failed` details, or from an error that
 * names the one field it is about (a taken e-mail address, a wrong current password).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const parsed = fieldDetailsSchema.safeParse(error.details);
  if (!parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const { field, reason } of parsed.data.fields ?? []) {
    const name = field.replace(/^body\./, '');
    errors[name] ??= reason;
  }
  if (parsed.data.field) errors[parsed.data.field] ??= error.message;
  return errors;
}
