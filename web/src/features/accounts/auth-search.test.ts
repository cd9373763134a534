import { describe, expect, it } from 'vitest';
import { parseLoginSearch, safeRedirect } from './auth-search';

describe('parseLoginSearch', () => {
  it('keeps a path of this site to return to', () => {
    expect(parseLoginSearch({ redirect: '/admin/audit?page=2' })).toEqual({ redirect: '/admin/audit?page=2' });
  });

  it('drops anything that could lead to another site, and the sign-in page itself', () => {
    for (const redirect of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'admin',
      '/login?redirect=/x',
      `/${'a'.repeat(500)}`,
      42,
    ]) {
      expect(parseLoginSearch({ redirect })).toEqual({});
    }
  });

  it('keeps a known single sign-on error code and nothing else', () => {
    expect(parseLoginSearch({ error: 'sso_domain' })).toEqual({ error: 'sso_domain' });
    expect(parseLoginSearch({ error: 'sso_whatever' })).toEqual({});
    expect(parseLoginSearch({ error: ['sso_state'] })).toEqual({});
  });
});

describe('safeRedirect', () => {
  it('accepts paths with query and hash', () => {
    expect(safeRedirect('/projects?q=Schule#top')).toBe('/projects?q=Schule#top');
  });
});
