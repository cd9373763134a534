/** Where to go after signing in: only paths of this site ("/admin/audit?page=2"), never another origin. */
export function parseLoginSearch(raw: Record<string, unknown>): { redirect?: string } {
  const redirect = raw.redirect;
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//')) return {};
  if (redirect.startsWith('/login')) return {};
  return { redirect };
}

/** The one-time token of a password reset link. */
export function parseResetSearch(raw: Record<string, unknown>): { token?: string } {
  const token = raw.token;
  return typeof token === 'string' && token.length > 0 ? { token } : {};
}
