import { describe, expect, it } from 'vitest';
import { sentenceCase } from './nace-label';

describe('sentenceCase', () => {
  it('capitalises German nouns and keeps function words and adjectives lower case', () => {
    expect(sentenceCase('LAND- UND FORSTWIRTSCHAFT, FISCHEREI', 'de')).toBe('Land- und Forstwirtschaft, Fischerei');
    expect(sentenceCase('VERARBEITENDES GEWERBE/HERSTELLUNG VON WAREN', 'de')).toBe(
      'Verarbeitendes Gewerbe/Herstellung von Waren',
    );
    expect(
      sentenceCase('ERBRINGUNG VON FREIBERUFLICHEN, WISSENSCHAFTLICHEN UND TECHNISCHEN DIENSTLEISTUNGEN', 'de'),
    ).toBe('Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen');
    expect(sentenceCase('ÖFFENTLICHE VERWALTUNG, VERTEIDIGUNG; SOZIALVERSICHERUNG', 'de')).toBe(
      'Öffentliche Verwaltung, Verteidigung; Sozialversicherung',
    );
  });

  it('lower-cases English and Italian after the first letter and leaves mixed-case labels alone', () => {
    expect(sentenceCase('AGRICULTURE, FORESTRY AND FISHING', 'en')).toBe('Agriculture, forestry and fishing');
    expect(sentenceCase('ATTIVITÀ ESTRATTIVA', 'it')).toBe('Attività estrattiva');
    expect(sentenceCase('Forstwirtschaft und Holzeinschlag', 'de')).toBe('Forstwirtschaft und Holzeinschlag');
  });
});
