import 'i18next';
import type de from '../locales/de.json';

// German is the reference: every key used with t() must exist in de.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}
