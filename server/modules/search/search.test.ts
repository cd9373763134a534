import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../contracts/search';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { highlight } from './highlight';

describe('highlight', () => {
  it('marks the query words, folding case and umlauts, and escapes the rest', () => {
    expect(highlight('Wasserstoff für <Kläranlagen>', 'wasserstoff klaranlage')).toBe(
      '<mark>Wasserstoff</mark> für &lt;<mark>Kläranlagen</mark>&gt;',
    );
  });
});

describe.each(testTargets)('search API on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const search = async (q: string, filters = '') => {
    const res = await ctx.app.inject(`/api/search?q=${encodeURIComponent(q)}${filters}`);
    return { status: res.statusCode, body: res.json() };
  };
  const suggest = async (q: string) => {
    const res = await ctx.app.inject(`/api/search/suggest?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as { kind: string; id: number; title: string }[];
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it('finds programmes, organisations and projects from one box', async () => {
    const { body } = await search('Ruhr');
    const kinds = new Set(body.items.map((h: SearchHit) => h.kind));
    expect(kinds).toEqual(new Set(['programme', 'organisation', 'project']));
    expect(body.items[0]).toMatchObject({
      kind: 'programme',
      title: 'Ruhr-Konferenz',
      highlight: '<mark>Ruhr</mark>-Konferenz',
    });
  });

  it('finds the DLR through accents, word order and a typo', async () => {
    for (const q of ['Luft- und Raumfahrt', 'luft raumfahrt zentrum', 'Deutsches Zentrum fuer Luft und Raumfart']) {
      const { body } = await search(q);
      const first = body.items.find((h: SearchHit) => h.kind === 'organisation');
      expect(first?.title, q).toMatch(/Zentrum f(ü|ue)r Luft/i);
    }
  });

  it('rejects an empty query with 400 naming the field', async () => {
    const { status, body } = await search('');
    expect(status).toBe(400);
    expect(body.error.details.fields[0].field).toBe('querystring.q');
  });

  it('finds people by name, with their current role', async () => {
    const { body } = await search('Neubaur');
    const person = body.items.find((h: SearchHit) => h.kind === 'person');
    expect(person).toMatchObject({ title: 'Mona Neubaur', highlight: 'Mona <mark>Neubaur</mark>' });
    expect(person.subtitle).toContain('Ministerin für Wirtschaft');
  });

  it('counts every match per kind, type, region and sector, and the facet filters narrow the hits', async () => {
    const { body } = await search('Wirtschaftsförderung');
    const count = (facet: { value: string; count: number }[], value: string) =>
      facet.find((f) => f.value === value)?.count ?? 0;
    expect(count(body.facets.type, 'development_agency')).toBeGreaterThanOrEqual(5);
    expect(count(body.facets.sector, 'O')).toBeGreaterThanOrEqual(5);
    expect(body.facets.region.map((r: { label: string }) => r.label)).toContain('Dortmund');
    const orgs = count(body.facets.kind, 'organisation');
    const narrowed = await search('Wirtschaftsförderung', '&kind=organisation&type=development_agency');
    expect(narrowed.body.items.length).toBeGreaterThan(0);
    expect(narrowed.body.items.every((h: SearchHit) => h.kind === 'organisation')).toBe(true);
    expect(count(narrowed.body.facets.kind, 'organisation')).toBeLessThanOrEqual(orgs);
    expect(count(narrowed.body.facets.kind, 'project')).toBe(0);
  });

  it('suggests names while typing: name starts, word starts, aliases and people', async () => {
    expect((await suggest('Raumfa')).map((s) => s.title)).toContainEqual(expect.stringMatching(/Luft- und Raumfahrt/));
    expect((await suggest('DLR')).map((s) => s.title)).toContainEqual(expect.stringMatching(/Luft- und Raumfahrt/));
    expect((await suggest('Neub')).find((s) => s.kind === 'person')?.title).toBe('Mona Neubaur');
    const agencies = await suggest('Wirtschaftsförd');
    expect(agencies[0]?.title).toMatch(/^Wirtschaftsförderung/);
    expect(agencies.length).toBeLessThanOrEqual(8);
  });
});
