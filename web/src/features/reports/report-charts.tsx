import { BarChart } from '@mantine/charts';
import { Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FundingKind, fundingKinds } from '../../../../contracts/portfolio';
import type { ProgressReport } from '../../../../contracts/reports';
import { useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';
import { statusColors, useStatusLabel } from '../../ui/status-badge';

const kindColors: Record<FundingKind, string> = { planned: 'blue.2', committed: 'blue.7', disbursed: 'teal.6' };

/** "Projekte nach Status": one bar per status, the same as in the PDF, with the counts as text. */
export function StatusBars({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useStatusLabel();
  const max = Math.max(1, ...report.byStatus.map((row) => row.count));
  return (
    <Section title={t('report.byStatus')} description={t('report.statusRule')}>
      <Stack gap={8} role="list">
        {report.byStatus.map((row) => (
          <Group key={row.status ?? 'none'} gap="sm" wrap="nowrap" role="listitem">
            <Text size="sm" w={190} style={{ flexShrink: 0 }}>
              {label(row.status)}
            </Text>
            <Progress
              value={(row.count / max) * 100}
              color={row.status ? statusColors[row.status] : 'gray'}
              size="lg"
              radius="sm"
              style={{ flex: 1 }}
              aria-hidden="true"
            />
            <Text size="sm" fw={700} w={56} ta="right">
              {format.number(row.count)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

/** Money by source and by year as grouped bars (planned, committed, disbursed), with a table of the sums. */
export function MoneyCharts({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kinds = fundingKinds.filter((kind) => report.money.some((m) => m.kind === kind && m.amountCents !== 0));
  const series = kinds.map((kind) => ({ name: kind, label: t(`fundingKind.${kind}`), color: kindColors[kind] }));
  const bySource = report.bySource.map((row) => ({
    source: t(`fundingSource.${row.source}`),
    planned: row.plannedCents,
    committed: row.committedCents,
    disbursed: row.disbursedCents,
  }));
  const byYear = report.byYear.map((row) => ({
    year: row.year === null ? t('report.withoutYear') : String(row.year),
    planned: row.plannedCents,
    committed: row.committedCents,
    disbursed: row.disbursedCents,
  }));
  const chart = (data: Record<string, string | number>[], dataKey: string) => (
    <BarChart
      h={260}
      data={data}
      dataKey={dataKey}
      series={series}
      withLegend
      valueFormatter={format.moneyCompact}
      yAxisProps={{ width: 90 }}
      maxBarWidth={40}
      aria-hidden="true"
    />
  );
  return (
    <Section title={t('report.money')} description={t('report.moneyIntro')}>
      {report.money.length === 0 ? (
        <Text c="dimmed">{t('report.moneyEmpty')}</Text>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Stack gap="xs">
              <Text fw={600}>{t('report.bySource')}</Text>
              {chart(bySource, 'source')}
            </Stack>
            <Stack gap="xs">
              <Text fw={600}>{t('report.byYear')}</Text>
              {chart(byYear, 'year')}
            </Stack>
          </SimpleGrid>
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.source')}</Table.Th>
                  {fundingKinds.map((kind) => (
                    <Table.Th key={kind} ta="right">
                      {t(`fundingKind.${kind}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.bySource.map((row) => (
                  <Table.Tr key={row.source}>
                    <Table.Td>{t(`fundingSource.${row.source}`)}</Table.Td>
                    <Table.Td ta="right">{format.money(row.plannedCents)}</Table.Td>
                    <Table.Td ta="right">{format.money(row.committedCents)}</Table.Td>
                    <Table.Td ta="right">{format.money(row.disbursedCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Section>
  );
}
