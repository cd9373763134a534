import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import challengesDe from '../locales/challenges/de.json';
import challengesEn from '../locales/challenges/en.json';
import challengesIt from '../locales/challenges/it.json';
import de from '../locales/de.json';
import en from '../locales/en.json';
import it from '../locales/it.json';
import matchingDe from '../locales/matching/de.json';
import matchingEn from '../locales/matching/en.json';
import matchingIt from '../locales/matching/it.json';

export const languages = ['de', 'en', 'it'] as const;
export type Language = (typeof languages)[number];

/**
 * The translations per language; German is the reference and the fallback. The matchmaking and
 * challenge pages keep their texts in files of their own, under the keys `matching` and `challenges`.
 */
export const resources = {
  de: { translation: { ...de, matching: matchingDe, challenges: challengesDe } },
  en: { translation: { ...en, matching: matchingEn, challenges: challengesEn } },
  it: { translation: { ...it, matching: matchingIt, challenges: challengesIt } },
} satisfies Record<Language, { translation: object }>;

/** The German texts, the reference every key used with t() must exist in. */
export type GermanTexts = (typeof resources)['de']['translation'];

const storageKey = 'standort.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'de';
  } catch {
    // Storage can be unavailable (privacy mode); German is the default.
    return 'de';
  }
}

/** Narrows an i18next language code to one Standort ships; German otherwise. */
export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'de';
}

/** The active UI language. */
export function currentLanguage(): Language {
  return toLanguage(i18next.resolvedLanguage);
}

/** Initialises i18next once, with the stored language, and keeps <html lang> and storage in sync. */
export function initI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(storageKey, lng);
    } catch {
      // Not persisting the choice is acceptable.
    }
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage(),
    fallbackLng: 'de',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = currentLanguage();
  return i18next;
}
