import { describe, expect, it } from 'vitest';
import { mean, ndcgAtK, recallAtK } from './metrics';

describe('recallAtK', () => {
  it('counts only hits within the first k', () => {
    const relevant = new Set([7, 9]);
    expect(recallAtK([1, 7, 9], relevant, 1)).toBe(0);
    expect(recallAtK([1, 7, 9], relevant, 2)).toBe(0.5);
    expect(recallAtK([1, 7, 9], relevant, 3)).toBe(1);
  });

  it('divides by all relevant ids, even when more than k', () => {
    expect(recallAtK([1, 2], new Set([1, 2, 3, 4]), 2)).toBe(0.5);
  });

  it('counts a repeated id once and is 0 without relevant ids', () => {
    expect(recallAtK([5, 5, 5], new Set([5, 6]), 3)).toBe(0.5);
    expect(recallAtK([5], new Set(), 10)).toBe(0);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for a perfect ranking and 0 without hits', () => {
    expect(ndcgAtK([3, 4, 8], new Set([3, 4]), 10)).toBe(1);
    expect(ndcgAtK([1, 2], new Set([3]), 10)).toBe(0);
  });

  it('discounts a hit at rank r by log2(r + 1)', () => {
    // One relevant id at rank 2: 1/log2(3) over the ideal 1/log2(2) = 1.
    expect(ndcgAtK([1, 5], new Set([5]), 10)).toBeCloseTo(1 / Math.log2(3), 12);
    // At rank 3: 1/log2(4) = 0.5.
    expect(ndcgAtK([1, 2, 5], new Set([5]), 10)).toBeCloseTo(0.5, 12);
  });

  it('ignores hits beyond k and caps the ideal at k', () => {
    expect(ndcgAtK([1, 5], new Set([5]), 1)).toBe(0);
    // Three relevant, k = 2, both top slots hit: ideal is two hits, so nDCG is 1.
    expect(ndcgAtK([6, 7, 1], new Set([6, 7, 8]), 2)).toBe(1);
    // Two relevant, one hit at rank 1: (1) / (1 + 1/log2(3)).
    expect(ndcgAtK([6, 1], new Set([6, 8]), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
  });

  it('counts a repeated id once', () => {
    expect(ndcgAtK([6, 6], new Set([6, 8]), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
  });
});

describe('mean', () => {
  it('averages and is NaN for nothing', () => {
    expect(mean([0, 0.5, 1])).toBe(0.5);
    expect(mean([])).toBeNaN();
  });
});
