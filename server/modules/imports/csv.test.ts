import { describe, expect, it } from 'vitest';
import { eurosToCents } from './csv';

describe('eurosToCents', () => {
  it('parses decimal euro amounts exactly into cents', () => {
    expect(eurosToCents('48219.00')).toBe(4_821_900);
    expect(eurosToCents('833851.95')).toBe(83_385_195);
    expect(eurosToCents('0.1')).toBe(10);
    expect(eurosToCents('7')).toBe(700);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '12.345', '1,5', 'abc', '1e6']) expect(eurosToCents(bad)).toBeNull();
  });
});
