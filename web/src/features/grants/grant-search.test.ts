import { describe, expect, it } from 'vitest';
import { grantFilterParams, hasGrantFilters, nextGrantSort, parseGrantSearch, sortDirection } from './grant-search';

describe('parseGrantSearch', () => {
  it('keeps programme, source, year, text, order and page of a link', () => {
    expect(
      parseGrantSearch({
        programmeId: '1',
        source: 'eu_erdf',
        year: '2012',
        q: ' Wasserstoff ',
        sort: 'amount',
        page: '3',
      }),
    ).toEqual({ programmeId: 1, source: 'eu_erdf', year: 2012, q: 'Wasserstoff', sort: 'amount', page: 3 });
  });

  it('drops what is malformed instead of failing the page', () => {
    expect(parseGrantSearch({ programmeId: 'x', source: 'gold', year: '12', sort: 'random', page: '0' })).toEqual({});
  });

  it('leaves the default order and the first page out of the URL', () => {
    expect(parseGrantSearch({ sort: '-decided', page: '1' })).toEqual({});
  });
});

describe('grant filters', () => {
  it('counts filters but not order or page', () => {
    expect(hasGrantFilters({ sort: 'title', page: 2 })).toBe(false);
    expect(hasGrantFilters({ year: 2020 })).toBe(true);
  });

  it('passes the filters and order to the API', () => {
    expect(grantFilterParams({ programmeId: 2, source: 'state', sort: 'title', page: 4 })).toEqual({
      q: undefined,
      programmeId: 2,
      source: 'state',
      year: undefined,
      sort: 'title',
    });
  });
});

describe('sorting by column heads', () => {
  it('sorts amounts largest first, then smallest first, then back to the newest decisions', () => {
    expect(nextGrantSort('amount', undefined)).toBe('-amount');
    expect(nextGrantSort('amount', '-amount')).toBe('amount');
    expect(nextGrantSort('amount', 'amount')).toBe('-amount');
    expect(nextGrantSort('decided', undefined)).toBe('decided');
    expect(nextGrantSort('decided', 'decided')).toBeUndefined();
    expect(nextGrantSort('title', undefined)).toBe('title');
    expect(nextGrantSort('title', 'title')).toBeUndefined();
  });

  it('tells screen readers the direction of the sorted column only', () => {
    expect(sortDirection('decided', undefined)).toBe('descending');
    expect(sortDirection('amount', 'amount')).toBe('ascending');
    expect(sortDirection('title', '-amount')).toBe('none');
  });
});
