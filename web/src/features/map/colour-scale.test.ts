import { describe, expect, it } from 'vitest';
import { colourClasses, fillOf, niceCeil, zeroFill } from './colour-scale';

describe('niceCeil', () => {
  it('rounds up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect(niceCeil(7)).toBe(8);
    expect(niceCeil(12)).toBe(15);
    expect(niceCeil(230)).toBe(250);
    expect(niceCeil(3)).toBe(3);
    expect(niceCeil(0)).toBe(0);
  });
});

describe('colourClasses', () => {
  it('cuts skewed counts at round numbers evenly spaced on a log scale, ending at the largest value', () => {
    const values = [0, 0, 1, 1, 2, 3, 4, 5, 6, 6, 10, 12, 26, 31, 42, 47];
    const classes = colourClasses(values);
    expect(classes.map((c) => c.to)).toEqual([3, 5, 15, 25, 47]);
    expect(classes.map((c) => c.to)).toEqual([...classes.map((c) => c.to)].sort((a, b) => a - b));
    for (const [index, c] of classes.entries()) expect(c.from).toBe(classes[index - 1]?.to ?? 0);
  });

  it('makes no more classes than there are distinct values, and none for all zeros', () => {
    expect(colourClasses([0, 0, 0])).toEqual([]);
    expect(colourClasses([4, 4, 9]).map((c) => c.to)).toEqual([4, 9]);
  });

  it('keeps round bounds for money in cents', () => {
    const classes = colourClasses([12_000_00, 350_000_00, 2_100_000_00, 48_000_000_00, 95_500_000_00, 7_000_00]);
    expect(classes.at(-1)?.to).toBe(95_500_000_00);
    for (const c of classes.slice(0, -1)) expect(c.to).toBe(niceCeil(c.to));
  });

  it('gives zero its own fill and the largest value the darkest', () => {
    const classes = colourClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fillOf(0, classes)).toBe(zeroFill);
    expect(fillOf(10, classes)).toBe(classes.at(-1)?.fill);
    expect(fillOf(1, classes)).toBe(classes[0]?.fill);
  });
});
