import { describe, expect, it } from 'vitest';
import { classifyOrganisation, normaliseOrganisationName } from './organisation-name';

describe('normaliseOrganisationName', () => {
  it('folds case, accents, ß and punctuation so spelling variants meet', () => {
    expect(normaliseOrganisationName('Universität  Duisburg-Essen')).toBe(
      normaliseOrganisationName('UNIVERSITÄT DUISBURG ESSEN'),
    );
    expect(normaliseOrganisationName('Straßen.NRW')).toBe('strassen nrw');
    expect(normaliseOrganisationName('  Città di Torino ')).toBe('citta di torino');
  });

  it('meets German umlaut spellings and spaced-out abbreviations', () => {
    expect(normaliseOrganisationName('Deutsches Zentrum für Luft- und Raumfahrt e.V.')).toBe(
      normaliseOrganisationName('DEUTSCHES ZENTRUM FUER LUFT - UND RAUMFAHRT EV'),
    );
    expect(normaliseOrganisationName('Müller GmbH')).toBe(normaliseOrganisationName('Mueller GmbH'));
  });

  it('keeps different names apart', () => {
    expect(normaliseOrganisationName('Stadt Hagen')).not.toBe(normaliseOrganisationName('Stadt Hamm'));
  });
});

describe('classifyOrganisation', () => {
  it.each([
    ['Rheinisch-Westfälische Technische Hochschule Aachen', 'university'],
    ['Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.', 'research_institute'],
    ['Wirtschaftsförderung Dortmund', 'development_agency'],
    ['Industrie- und Handelskammer zu Köln', 'chamber_association'],
    ['Stadt Gelsenkirchen', 'public_body'],
    ['01 Digitales Design GmbH', 'company'],
    ['Emschergenossenschaft', 'other'],
  ])('%s → %s', (name, type) => {
    expect(classifyOrganisation(name)).toBe(type);
  });
});
