import { BarChart, LineChart } from '@mantine/charts';
import type { Indicator } from '../../../../contracts/partnerships';
import { usePartnershipFormat } from './partnership-format';

/** The values of an indicator over its periods: bars for counts, a line for money and ranks (rank 1 on top). */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const partnershipFormat = usePartnershipFormat();
  const data = indicator.points
    .filter((point) => point.period !== null)
    .sort((a, b) => (a.period ?? '').localeCompare(b.period ?? ''))
    .map((point) => ({ period: partnershipFormat.period(point.period), value: point.value }));
  const series = [{ name: 'value', label: indicator.label, color: 'blue.6' }];
  const valueFormatter = (value: number) => partnershipFormat.figure(indicator.unit, value);
  const common = {
    h: 180,
    data,
    dataKey: 'period',
    series,
    valueFormatter,
    withLegend: false,
    gridAxis: 'y' as const,
    yAxisProps: {
      width: indicator.unit === 'eur' ? 80 : 40,
      allowDecimals: false,
      reversed: indicator.unit === 'rank',
    },
    'aria-hidden': true,
  };
  return indicator.unit === 'eur' || indicator.unit === 'rank' ? (
    <LineChart {...common} curveType="linear" withDots />
  ) : (
    <BarChart {...common} maxBarWidth={36} />
  );
}
