import { describe, expect, it } from 'vitest';
import { toPrefixTsQuery } from './project-search';

describe('toPrefixTsQuery', () => {
  it('requires every word and matches word beginnings', () => {
    expect(toPrefixTsQuery('Grüne Produktion')).toBe('Grüne:* & Produktion:*');
  });

  it('drops operators and quotes so the query cannot break to_tsquery', () => {
    expect(toPrefixTsQuery(`In|Die ' & !( "x"`)).toBe('In:* & Die:* & x:*');
    expect(toPrefixTsQuery(' !&| ')).toBeNull();
  });
});
