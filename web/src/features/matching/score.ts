import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format';
import { toLanguage } from '../../lib/i18n';

/** A score 0–1 as a percentage in the UI language: "87 %" in German, "87%" in Italian and English. */
export function useScorePercent(): (score: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(toLanguage(i18n.resolvedLanguage)), {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (score) => format.format(Math.min(1, Math.max(0, score)));
}
