import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../locales/de.json';
import en from '../locales/en.json';
import it from '../locales/it.json';

export const languages = ['de', 'en', 'it'] as const;
export type Language = (typeof languages)[number];

/** The translations per language; German is the reference and the fallback. */
export const resources = {
  de: { translation: de },
  en: { translation: en },
  it: { translation: it },
} satisfies Record<Language, { translation: object }>;

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
