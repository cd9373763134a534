import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import type { ColourClass } from './colour-scale';
import type { MapMeasure } from './map-search';

export interface MapFormat {
  /** "1.234 Projekte", "3,4 Mio. € Fördermittel": a value with what it counts. */
  valueText: (value: number) => string;
  /** The bare figure for tables: "1.234", "3,4 Mio. €". */
  figure: (value: number) => string;
  /** The label of a legend class: "1–4", "5–12"; for money in € Mio. ("bis 1,5", "1,5–4"). */
  classLabel: (c: ColourClass, index: number) => string;
  /** What the legend counts: "Organisationen", "Fördermittel in Mio. €". */
  legendTitle: string;
  /** The head of a value column: "Organisationen", "Fördermittel". */
  columnTitle: string;
}

/** How the map writes the values of a measure, in the UI language. */
export function useMapFormat(measure: MapMeasure): MapFormat {
  const { t } = useTranslation();
  const format = useFormat();
  const millions = (cents: number) =>
    new Intl.NumberFormat(intlLocale(format.language), { maximumSignificantDigits: 3 }).format(cents / 100 / 1_000_000);
  if (measure === 'funding') {
    return {
      valueText: (value) => t('map.fundingValue', { formatted: format.moneyCompact(value) }),
      figure: format.moneyCompact,
      classLabel: (c, index) =>
        index === 0
          ? t('map.upTo', { to: millions(c.to) })
          : t('map.range', { from: millions(c.from), to: millions(c.to) }),
      legendTitle: t('map.legendFunding'),
      columnTitle: t('map.measure.funding'),
    };
  }
  return {
    valueText: (value) => t(`count.${measure}`, { count: value, formatted: format.number(value) }),
    figure: format.number,
    classLabel: (c) => {
      const from = Math.floor(c.from) + 1;
      return from >= c.to
        ? format.number(c.to)
        : t('map.range', { from: format.number(from), to: format.number(c.to) });
    },
    legendTitle: t(`map.measure.${measure}`),
    columnTitle: t(`map.measure.${measure}`),
  };
}
