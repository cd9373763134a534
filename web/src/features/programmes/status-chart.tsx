import { DonutChart } from '@mantine/charts';
import { ColorSwatch, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ProgrammeDetail, projectStatuses } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';
import { statusColors, useStatusLabel } from '../../ui/status-badge';

type StatusCount = ProgrammeDetail['statusCounts'][number];

function statusOrder(count: StatusCount): number {
  return count.status ? projectStatuses.indexOf(count.status) : projectStatuses.length;
}

/** "Projekte nach Status": a donut with a labelled legend that doubles as the data table. */
export function StatusChart({ statusCounts }: { statusCounts: StatusCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useStatusLabel();
  const rows = statusCounts.filter((row) => row.count > 0).sort((a, b) => statusOrder(a) - statusOrder(b));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const colorOf = (row: StatusCount) => (row.status ? statusColors[row.status] : 'gray');
  const data = rows.map((row) => ({ name: label(row.status), value: row.count, color: `${colorOf(row)}.6` }));

  return (
    <Section title={t('dashboard.byStatus')}>
      {total === 0 ? (
        <Text c="dimmed">{t('dashboard.byStatusEmpty')}</Text>
      ) : (
        <Group align="center" gap="xl" wrap="wrap">
          <DonutChart
            data={data}
            size={180}
            thickness={28}
            chartLabel={format.number(total)}
            valueFormatter={format.number}
            tooltipDataSource="segment"
            aria-hidden="true"
          />
          <Table withRowBorders={false} verticalSpacing={4} w="auto" style={{ flex: 1, minWidth: 220 }}>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.status ?? 'none'}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ColorSwatch color={`var(--mantine-color-${colorOf(row)}-6)`} size={12} withShadow={false} />
                      <Text size="sm">{label(row.status)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600}>
                      {format.number(row.count)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t('common.sum')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={700}>
                    {format.number(total)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Group>
      )}
    </Section>
  );
}
