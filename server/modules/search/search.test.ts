import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../contracts/search';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { highlight } from './search.service';

describe('highlight', () => {
  it('marks the query words, folding case and umlauts, and escapes the rest', () => {
    expect(highlight('Wasserstoff für <Kläranlagen>', 'wasserstoff klaranlage')).toBe(
      '<mark>Wasserstoff</mark> für &lt;<mark>Kläranlagen</mark>&gt;',
    );
  });
});

describe.each(testTargets)('search API on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const search = async (q: string) => {
    const res = await ctx.app.inject(`/api/search?q=${encodeURIComponent(q)}`);
    return { status: res.statusCode, body: res.json() };
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
});
