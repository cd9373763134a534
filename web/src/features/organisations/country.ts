import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../lib/i18n';

/** Countries offered in the filter, as the data spells them (CORDIS: EL for Greece, UK for the United Kingdom). */
export const commonCountries = [
  'DE',
  'AT',
  'CH',
  'NL',
  'BE',
  'LU',
  'FR',
  'IT',
  'ES',
  'PT',
  'UK',
  'IE',
  'DK',
  'SE',
  'NO',
  'FI',
  'PL',
  'CZ',
  'SK',
  'HU',
  'SI',
  'HR',
  'RO',
  'BG',
  'EL',
  'CY',
  'MT',
  'EE',
  'LV',
  'LT',
  'IS',
  'IL',
  'TR',
  'US',
] as const;

// The EU's own codes differ from ISO 3166 for two countries.
const isoCode: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** "Deutschland" for "DE", "Griechenland" for "EL" in the UI language; the code itself when unknown. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      // Very old browsers: show the codes.
    }
    return (code) => {
      try {
        return names?.of(isoCode[code] ?? code) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}
