import { describe, expect, it } from 'vitest';
import { parseDuplicatesSearch } from './duplicates-search';
import { pickDescription } from './organisation-profile';
import { hasOrganisationFilters, organisationFilterParams, parseOrganisationSearch } from './organisation-search';

describe('parseOrganisationSearch', () => {
  it('keeps the directory filters of a link, including the map region', () => {
    expect(
      parseOrganisationSearch({
        regionId: '5913',
        nace: '28.11',
        type: 'company',
        programmeId: 2,
        sizeClass: 'small',
        sort: '-projects',
        page: '3',
      }),
    ).toEqual({
      regionId: 5913,
      nace: '28.11',
      type: 'company',
      programmeId: 2,
      sizeClass: 'small',
      sort: '-projects',
      page: 3,
    });
  });

  it('drops malformed values instead of failing the page', () => {
    expect(
      parseOrganisationSearch({ nace: '2811', sizeClass: 'huge', sort: 'relevance', regionId: '-1', page: '1' }),
    ).toEqual({});
  });

  it('upper-cases a NACE section typed in lower case', () => {
    expect(parseOrganisationSearch({ nace: 'c' })).toEqual({ nace: 'C' });
  });
});

describe('organisationFilterParams', () => {
  it('gives the list, its facets and its export the same filters, without paging', () => {
    const search = parseOrganisationSearch({ q: 'dortmund', nace: 'N', sort: 'name', page: 2 });
    expect(organisationFilterParams(search)).toMatchObject({ q: 'dortmund', nace: 'N' });
    expect(organisationFilterParams(search)).not.toHaveProperty('page');
    expect(hasOrganisationFilters({ sort: 'name' })).toBe(false);
    expect(hasOrganisationFilters({ sizeClass: 'micro' })).toBe(true);
  });
});

describe('parseDuplicatesSearch', () => {
  it('keeps an offered threshold other than the default and a country code', () => {
    expect(parseDuplicatesSearch({ threshold: '0.9', country: 'it' })).toEqual({ threshold: 0.9, country: 'IT' });
    expect(parseDuplicatesSearch({ threshold: '0.75' })).toEqual({});
    expect(parseDuplicatesSearch({ threshold: '0.1', country: 'Italy' })).toEqual({});
  });
});

describe('pickDescription', () => {
  it('shows the UI language and falls back to the first description written', () => {
    const description = { de: null, en: null, it: 'Regione italiana' };
    expect(pickDescription(description, 'de')).toEqual({ language: 'it', text: 'Regione italiana' });
    expect(pickDescription({ ...description, en: 'Italian region' }, 'de')).toEqual({
      language: 'en',
      text: 'Italian region',
    });
    expect(pickDescription({ de: null, en: null, it: null }, 'en')).toBeNull();
  });
});
