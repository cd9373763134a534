import { BarChart } from '@mantine/charts';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FundingKind,
  type FundingSource,
  fundingKinds,
  fundingSources,
  type ProgrammeDetail,
} from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';

type MoneyBucket = ProgrammeDetail['money'][number];

export const fundingSourceColors: Record<FundingSource, string> = {
  eu_erdf: 'blue',
  eu_esf: 'indigo',
  eu_jtf: 'green',
  eu_other: 'cyan',
  eu_horizon: 'lime',
  erdf_programme: 'violet',
  federal: 'dark',
  state: 'teal',
  municipal: 'orange',
  own: 'yellow',
  mixed: 'grape',
  other: 'pink',
};

// Summing planned, committed and disbursed money would count the same euro twice, so the chart shows one kind at a time.
function defaultKind(kinds: FundingKind[]): FundingKind | undefined {
  return kinds.includes('committed') ? 'committed' : kinds[0];
}

/**
 * "Mittel nach Jahr": bars per year, stacked by funding source, one kind at a time; a click on a
 * bar asks for the lines behind it (`onPick`).
 */
export function MoneyByYearChart({
  money,
  onPick,
}: {
  money: MoneyBucket[];
  onPick?: (pick: { year: number; source: FundingSource; kind: FundingKind }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const kinds = fundingKinds.filter((kind) => money.some((bucket) => bucket.kind === kind && bucket.amountCents !== 0));
  const [chosenKind, setChosenKind] = useState<FundingKind | undefined>(undefined);
  const kind = chosenKind && kinds.includes(chosenKind) ? chosenKind : defaultKind(kinds);

  if (!kind) return <Text c="dimmed">{t('dashboard.moneyEmpty')}</Text>;

  const buckets = money.filter((bucket) => bucket.kind === kind);
  const sources = fundingSources.filter((source) => buckets.some((bucket) => bucket.source === source));
  const years = [...new Set(buckets.map((bucket) => bucket.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const withoutYear = t('dashboard.withoutYear');
  const data = years.map((year) => {
    const row: Record<string, string | number | null> = {
      year: year === null ? withoutYear : String(year),
      yearValue: year,
    };
    for (const source of sources) {
      row[source] = buckets
        .filter((bucket) => bucket.year === year && bucket.source === source)
        .reduce((sum, bucket) => sum + bucket.amountCents, 0);
    }
    return row;
  });

  return (
    <Stack gap="md">
      {kinds.length > 1 ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="money-kind-label">
            {t('dashboard.moneyKind')}
          </Text>
          <SegmentedControl
            aria-labelledby="money-kind-label"
            value={kind}
            onChange={(value) => setChosenKind(value as FundingKind)}
            data={kinds.map((value) => ({ value, label: t(`fundingKind.${value}`) }))}
            w="fit-content"
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('dashboard.moneyKindOnly', { kind: t(`fundingKind.${kind}`) })}
        </Text>
      )}
      <BarChart
        h={320}
        data={data}
        dataKey="year"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 60 }}
        series={sources.map((source) => ({
          name: source,
          label: t(`fundingSource.${source}`),
          color: `${fundingSourceColors[source]}.6`,
        }))}
        valueFormatter={format.moneyCompact}
        yAxisProps={{ width: 90 }}
        maxBarWidth={56}
        barProps={(series) => ({
          cursor: onPick ? 'pointer' : undefined,
          onClick: (entry: { payload?: { yearValue?: number | null } }) => {
            const year = entry.payload?.yearValue;
            if (onPick && typeof year === 'number') onPick({ year, source: series.name as FundingSource, kind });
          },
        })}
        aria-hidden="true"
      />
    </Stack>
  );
}
