/** Why a single sign-on came back without signing in (the server sends `/login?error=<code>`). */
export const ssoErrorCodes = [
  'sso_state',
  'sso_failed',
  'sso_inactive',
  'sso_email',
  'sso_domain',
  'sso_conflict',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export interface LoginSearch {
  redirect?: string;
  error?: SsoErrorCode;
}

/**
 * A path of this site ("/admin/audit?page=2"), never another origin: the same rules the server applies
 * to the return path of a single sign-on (no "//host", no backslashes or control characters that
 * browsers would read as one).
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  if (value.length > 500 || value.includes('\\')) return undefined;
  if ([...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return undefined;
  try {
    const base = 'http://standort.invalid';
    if (new URL(value, base).origin !== base) return undefined;
  } catch {
    return undefined;
  }
  return value;
}

/** Where to go after signing in (never back to the sign-in page), and why a single sign-on failed. */
export function parseLoginSearch(raw: Record<string, unknown>): LoginSearch {
  const redirect = safeRedirect(raw.redirect);
  const error = ssoErrorCodes.find((code) => code === raw.error);
  return {
    ...(redirect && !redirect.startsWith('/login') ? { redirect } : {}),
    ...(error ? { error } : {}),
  };
}

/** The one-time token of a password reset link. */
export function parseResetSearch(raw: Record<string, unknown>): { token?: string } {
  const token = raw.token;
  return typeof token === 'string' && token.length > 0 ? { token } : {};
}
