export const errorCodes = [
  'validation_failed',
  'invalid_credentials',
  'invalid_token',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'rate_limited',
  'database_locked',
  'import_failed',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The one error type of the app: a stable code, a human message and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'import_failed':
    case 'invalid_token':
      return 400;
    case 'invalid_credentials':
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
      return 403;
    case 'rate_limited':
      return 429;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'database_locked':
      return 503;
    case 'internal':
      return 500;
  }
}

/** Translates a database error by SQLSTATE, once, into an AppError (or null if it is not ours). */
export function fromDatabaseError(err: unknown): AppError | null {
  const code = findSqlState(err);
  if (code === '23505') return new AppError('conflict', 'Ein Eintrag mit diesen Werten existiert bereits.');
  if (code === '23503') return new AppError('validation_failed', 'Ein referenzierter Eintrag existiert nicht.');
  if (code === '23514' || code === '22P02' || code === '22003') {
    return new AppError('validation_failed', 'Ein Wert verletzt eine Regel der Datenbank.');
  }
  return null;
}

function findSqlState(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A problem with one field of a request body. */
export type FieldProblem = { field: string; reason: string };

/** A validation error naming each field under `body.`. */
export function invalidBody(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: ${problems.map((p) => `body.${p.field}`).join(', ')}`, {
    fields: problems.map((p) => ({ field: `body.${p.field}`, reason: p.reason })),
  });
}
