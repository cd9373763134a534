import { AppError } from '../../errors';

export type FieldProblem = { field: string; reason: string };

/** A validation error naming each field under `body.`. */
export function invalidBody(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: ${problems.map((p) => `body.${p.field}`).join(', ')}`, {
    fields: problems.map((p) => ({ field: `body.${p.field}`, reason: p.reason })),
  });
}
