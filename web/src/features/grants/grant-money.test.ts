import { describe, expect, it } from 'vitest';
import type { GrantDetail } from '../../../../contracts/funding';
import { checkShares, coFinancingShares, eurosToCents, linesByYear, overrunLineIndexes } from './grant-money';

describe('eurosToCents', () => {
  it('reads numbers and German amounts to the cent', () => {
    expect(eurosToCents(1234.5)).toBe(123450);
    expect(eurosToCents(0.1 + 0.2)).toBe(30);
    expect(eurosToCents('1.234,56 €')).toBe(123456);
    expect(eurosToCents('3600000')).toBe(360000000);
    expect(eurosToCents('12,5')).toBe(1250);
  });

  it('refuses empty, negative and sub-cent amounts', () => {
    expect(eurosToCents('')).toBeNull();
    expect(eurosToCents(-1)).toBeNull();
    expect(eurosToCents(1.005)).toBeNull();
    expect(eurosToCents('1,234')).toBeNull();
    expect(eurosToCents('12.34')).toBeNull();
  });
});

describe('checkShares', () => {
  it('balances when the shares add up to the amount, to the cent', () => {
    expect(checkShares(360000000, [200000000, 100000000, 60000000])).toEqual({
      sumCents: 360000000,
      remainingCents: 0,
      isBalanced: true,
    });
  });

  it('says how much is still to distribute or too much, and counts empty shares as 0', () => {
    expect(checkShares(1000, [400, null])).toMatchObject({ remainingCents: 600, isBalanced: false });
    expect(checkShares(1000, [1200])).toMatchObject({ remainingCents: -200, isBalanced: false });
  });

  it('never balances without an amount', () => {
    expect(checkShares(null, []).isBalanced).toBe(false);
    expect(checkShares(0, [0]).isBalanced).toBe(false);
  });
});

describe('overrunLineIndexes', () => {
  const existing = [
    { organisationId: 7, kind: 'committed' as const, amountCents: 1000 },
    { organisationId: 7, kind: 'disbursed' as const, amountCents: 600 },
  ];

  it('flags a payout that takes the partner beyond its commitment', () => {
    expect([...overrunLineIndexes(existing, [{ organisationId: 7, kind: 'disbursed', amountCents: 500 }])]).toEqual([
      0,
    ]);
  });

  it('lets a payout within the commitment, or a new commitment, pass', () => {
    expect(overrunLineIndexes(existing, [{ organisationId: 7, kind: 'disbursed', amountCents: 400 }]).size).toBe(0);
    expect(
      overrunLineIndexes(existing, [
        { organisationId: 7, kind: 'committed', amountCents: 500 },
        { organisationId: 7, kind: 'disbursed', amountCents: 500 },
      ]).size,
    ).toBe(0);
  });

  it('counts each partner (and the grant as a whole) on its own', () => {
    expect([...overrunLineIndexes(existing, [{ organisationId: null, kind: 'disbursed', amountCents: 1 }])]).toEqual([
      0,
    ]);
  });
});

describe('linesByYear', () => {
  const line = (id: number, year: number | null, kind: 'committed' | 'disbursed', amountCents: number) =>
    ({ id, year, kind, amountCents, source: 'state' }) as GrantDetail['lines'][number];

  it('groups by year in order, lines without a year last, with a sum per kind', () => {
    const groups = linesByYear([
      line(1, 2024, 'disbursed', 5),
      line(2, null, 'committed', 1),
      line(3, 2023, 'committed', 10),
      line(4, 2024, 'disbursed', 7),
    ]);
    expect(groups.map((g) => g.year)).toEqual([2023, 2024, null]);
    expect(groups[1]?.sums).toEqual({ disbursed: 12 });
  });
});

describe('coFinancingShares', () => {
  it('gives each part with money its share of the total', () => {
    const shares = coFinancingShares({
      basis: 'committed',
      totalCents: 360,
      euCents: 180,
      nationalPublicCents: 90,
      mixedPublicCents: 0,
      ownCents: 90,
      otherCents: 0,
      euRate: 0.5,
      publicRate: 0.75,
    });
    expect(shares).toEqual([
      { part: 'eu', cents: 180, share: 0.5 },
      { part: 'nationalPublic', cents: 90, share: 0.25 },
      { part: 'own', cents: 90, share: 0.25 },
    ]);
  });
});
