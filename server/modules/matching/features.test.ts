import { describe, expect, it } from 'vitest';
import { rankWalk } from './features';

describe('the partner walk, counted', () => {
  it('ranks by partners in between, then resource allocation, naming the closest partners first', () => {
    const ranked = rankWalk([
      { z: 20, w: 1, met: [2, 3, 4] },
      { z: 10, w: 3, met: [1, 2] },
      { z: 30, w: 3, met: [2, 5, 6, 7] },
    ]);
    expect(ranked.map((m) => m.c)).toEqual([2, 1, 3, 4, 5, 6, 7]);
    expect(ranked[0]).toEqual({ c: 2, allocation: 1 / 2 + 1 / 3 + 1 / 4, via: 3, viaIds: [10, 30, 20] });
    expect(ranked[1]).toMatchObject({ c: 1, allocation: 1 / 2, via: 1, viaIds: [10] });
  });

  it('lets equal shares summed differently tie (1/2 + 1/2 + 1/6 and 1/2 + 1/3 + 1/3), and breaks ties by id', () => {
    const ranked = rankWalk([
      { z: 1, w: 5, met: [9, 8] },
      { z: 2, w: 4, met: [9, 100] },
      { z: 3, w: 3, met: [9, 101, 102, 103, 104, 105] },
      { z: 4, w: 2, met: [8, 106, 107] },
      { z: 5, w: 1, met: [8, 108, 109] },
    ]);
    expect(ranked.slice(0, 2).map((m) => m.c)).toEqual([8, 9]);
  });
});
