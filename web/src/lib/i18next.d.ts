import 'i18next';
import type { GermanTexts } from './i18n';

// German is the reference: every key used with t() must exist in de.json (or the matching and
// challenge files merged into it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: GermanTexts };
  }
}
