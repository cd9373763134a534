import type { Language } from './i18n';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB', it: 'it-IT' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The Intl locale of a UI language, for formats this module does not cover (percentages, months). */
export function intlLocale(language: Language): string {
  return locales[language];
}

/** The separators of a typed number: "1.234,56" in German and Italian, "1,234.56" in English. */
export function numberSeparators(language: Language): { thousandSeparator: string; decimalSeparator: string } {
  return language === 'en'
    ? { thousandSeparator: ',', decimalSeparator: '.' }
    : { thousandSeparator: '.', decimalSeparator: ',' };
}

function numberFormat(language: Language, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n:${language}:${key}`;
  let format = cache.get(id);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(locales[language], options);
    cache.set(id, format);
  }
  return format;
}

function dateFormat(language: Language): Intl.DateTimeFormat {
  const id = `d:${language}`;
  let format = cache.get(id);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' });
    cache.set(id, format);
  }
  return format;
}

function dateTimeFormat(language: Language): Intl.DateTimeFormat {
  const id = `dt:${language}`;
  let format = cache.get(id);
  if (!(format instanceof Intl.DateTimeFormat)) {
    // A moment (a sign-in, an audit entry) in the visitor's own time zone.
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
    cache.set(id, format);
  }
  return format;
}

/** Money from integer cents: "1.234.567 €", or "1.234,56 €" when the amount has cents. */
export function formatMoney(cents: number, language: Language): string {
  const hasCents = cents % 100 !== 0;
  const format = numberFormat(language, hasCents ? 'eur2' : 'eur0', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: hasCents ? 2 : 0,
    maximumFractionDigits: hasCents ? 2 : 0,
  });
  return format.format(cents / 100);
}

/** Money from integer cents in short form with three significant digits: "3,6 Mio. €", "2,05 Mrd. €"; amounts under a million in full euros. */
export function formatMoneyCompact(cents: number, language: Language): string {
  const euros = cents / 100;
  if (Math.abs(euros) < 1_000_000) {
    return numberFormat(language, 'eur0', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(Math.round(euros));
  }
  return numberFormat(language, 'eurc', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    compactDisplay: 'short',
    maximumSignificantDigits: 3,
  }).format(euros);
}

/** A plain count: "3.269". */
export function formatNumber(value: number, language: Language): string {
  return numberFormat(language, 'int', { maximumFractionDigits: 2 }).format(value);
}

/** An ISO date ("2021-12-09") as "9. Dezember 2021"; the date is read as a calendar day, not a moment. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return dateFormat(language).format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

/** A timestamp ("2026-11-22T00:46:25Z") as "22.11.2026, 01:46" in the visitor's time zone. */
export function formatDateTime(isoTimestamp: string, language: Language): string {
  // PostgreSQL writes "2026-11-22 00:46:38.829+00"; not every browser parses that without help.
  const normalised = isoTimestamp.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? isoTimestamp : dateTimeFormat(language).format(date);
}

/** Today in the visitor's time zone as an ISO date ("2026-11-22"), the default of date inputs. */
export function todayIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
