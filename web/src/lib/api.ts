import { errorResponseSchema } from '../../../contracts/common';

/** An error answer from the API, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'not_found';
}

/** Whether an error is an ApiError with this code. */
export function hasErrorCode(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds "/api/path?a=1&b=x", leaving out empty values. */
export function apiUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

// The session's CSRF token. The session cookie is HttpOnly, so the token comes from /auth/me or the
// sign-in answer; every write made with the cookie must send it back.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null after signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** GETs JSON from the API; throws ApiError for any non-2xx answer. */
export async function apiGet<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export type WriteMethod = 'POST' | 'PATCH' | 'DELETE';

/** Sends a write with a JSON body and the CSRF header; throws ApiError for any non-2xx answer. */
export async function apiSend<T>(method: WriteMethod, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 403) {
    const error = await toApiError(response);
    if (error.code !== 'csrf_failed') throw error;
    // The token was not known yet (or the session changed in another tab): fetch it once and retry.
    await refreshCsrfToken();
    response = await send(method, path, body);
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function send(method: WriteMethod, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(apiUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Uploads a file as the raw request body, with the CSRF header; throws ApiError for any non-2xx answer. */
export async function apiUpload<T>(path: string, params: QueryParams, file: Blob): Promise<T> {
  const post = () =>
    fetch(apiUrl(path, params), {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: file,
    });
  let response = await post();
  if (response.status === 403) {
    const error = await toApiError(response);
    if (error.code !== 'csrf_failed') throw error;
    await refreshCsrfToken();
    response = await post();
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

async function refreshCsrfToken(): Promise<void> {
  try {
    const me = await apiGet<{ csrfToken: string | null }>('/auth/me');
    setCsrfToken(me.csrfToken);
  } catch {
    setCsrfToken(null);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, say): fall back to the status line.
  }
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  const code = response.status === 404 ? 'not_found' : 'http_error';
  return new ApiError(response.status, code, `${response.status} ${response.statusText}`.trim());
}
