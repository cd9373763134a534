import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../contracts/partnerships';
import { intlLocale } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import { useFormat } from '../../lib/use-format';

type Precision = 'day' | 'month' | 'year';
type Point = Indicator['points'][number];

const cache = new Map<string, Intl.DateTimeFormat>();
function monthFormat(language: Language): Intl.DateTimeFormat {
  let format = cache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    cache.set(language, format);
  }
  return format;
}

/** How partnership pages write dates of known precision and indicator values, in the UI language. */
export function usePartnershipFormat() {
  const { t } = useTranslation();
  const format = useFormat();

  /** "1. Februar 2022", "Februar 2022" or "2022" as exact as the source is; null: "Datum nicht veröffentlicht". */
  const date = (iso: string | null, precision: Precision | null) => {
    if (!iso) return t('partnerships.dateNotPublished');
    const [year = '', month = '1'] = iso.split('-');
    if (precision === 'year') return year;
    if (precision === 'month')
      return monthFormat(format.language).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
    return format.date(iso);
  };

  /** A value in its unit, without qualifier: "25,4 Mrd. €", "Platz 7", "27.000". Money is in euros. */
  const figure = (unit: Indicator['unit'], value: number) => {
    if (unit === 'eur') return format.moneyCompact(Math.round(value * 100));
    if (unit === 'rank') return t('partnerships.rank', { rank: format.number(value) });
    return format.number(value);
  };

  /** A value with its qualifier: "rund 630", "mehr als 142.000". */
  const value = (unit: Indicator['unit'], point: Pick<Point, 'value' | 'qualifier'>) => {
    const qualifier = point.qualifier === 'exact' ? '' : `${t(`qualifier.${point.qualifier}`)} `;
    return `${qualifier}${figure(unit, point.value)}`;
  };

  /** "2024", "30. Juni 2024", or "ohne Jahresangabe". */
  const period = (period: string | null) => {
    if (!period) return t('partnerships.noPeriod');
    return /^\d{4}$/.test(period) ? period : format.date(period);
  };

  return { date, figure, value, period, number: format.number, language: format.language };
}
