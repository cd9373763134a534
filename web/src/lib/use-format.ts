import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatMoneyCompact, formatNumber } from './format';
import { type Language, toLanguage } from './i18n';

export interface Formatters {
  language: Language;
  money: (cents: number) => string;
  moneyCompact: (cents: number) => string;
  number: (value: number) => string;
  date: (isoDate: string) => string;
  /** A moment, with the time of day. */
  dateTime: (isoTimestamp: string) => string;
  /** A period from two optional ISO dates, or null when both are unknown. */
  period: (start: string | null, end: string | null) => string | null;
}

/** Formatting bound to the active UI language; re-renders when the language changes. */
export function useFormat(): Formatters {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return useMemo(() => {
    const date = (isoDate: string) => formatDate(isoDate, language);
    return {
      language,
      money: (cents) => formatMoney(cents, language),
      moneyCompact: (cents) => formatMoneyCompact(cents, language),
      number: (value) => formatNumber(value, language),
      date,
      dateTime: (isoTimestamp) => formatDateTime(isoTimestamp, language),
      period: (start, end) => {
        if (start && end) return t('period.between', { start: date(start), end: date(end) });
        if (start) return t('period.from', { start: date(start) });
        if (end) return t('period.until', { end: date(end) });
        return null;
      },
    };
  }, [language, t]);
}
