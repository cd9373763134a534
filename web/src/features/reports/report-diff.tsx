import { Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDiff } from '../../../../contracts/reports';
import { useFormat } from '../../lib/use-format';
import { useStatusLabel } from '../../ui/status-badge';

/** What changed between two reports: headline figures, statuses, new and gone projects, money. */
export function ReportDiffView({ diff }: { diff: ReportDiff }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusLabel = useStatusLabel();
  const value = (metric: string, n: number) => (metric.endsWith('Cents') ? format.money(n) : format.number(n));
  const signed = (metric: string, n: number) =>
    n > 0 ? `+${value(metric, n)}` : n < 0 ? `−${value(metric, Math.abs(n))}` : '±0';
  const changedHeadline = diff.headline.filter((h) => h.difference !== 0);
  const isEmpty =
    changedHeadline.length === 0 &&
    diff.statusChanges.length + diff.newProjects.length + diff.removedProjects.length + diff.money.length === 0;
  if (isEmpty) return <Text c="dimmed">{t('report.noDifferences')}</Text>;

  return (
    <Stack gap="md">
      {changedHeadline.length > 0 ? (
        <Table verticalSpacing="xs" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.figure')}</Table.Th>
              <Table.Th ta="right">{t('report.previous')}</Table.Th>
              <Table.Th ta="right">{t('report.current')}</Table.Th>
              <Table.Th ta="right">{t('report.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changedHeadline.map((h) => (
              <Table.Tr key={h.metric}>
                <Table.Td>{t(`report.headline.${h.metric}`)}</Table.Td>
                <Table.Td ta="right">{value(h.metric, h.previous)}</Table.Td>
                <Table.Td ta="right">{value(h.metric, h.current)}</Table.Td>
                <Table.Td ta="right">
                  <Badge color={h.difference > 0 ? 'teal' : 'red'} variant="light" radius="sm" tt="none">
                    {signed(h.metric, h.difference)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {diff.statusChanges.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('report.statusChanges')}
          </Title>
          <List size="sm">
            {diff.statusChanges.map((c) => (
              <List.Item key={c.projectId}>
                {t('report.statusChange', { title: c.title, from: statusLabel(c.from), to: statusLabel(c.to) })}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {diff.newProjects.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('report.newProjects')}
          </Title>
          <List size="sm">
            {diff.newProjects.map((p) => (
              <List.Item key={p.projectId}>{`${p.title} (${statusLabel(p.status)})`}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {diff.removedProjects.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('report.removedProjects')}
          </Title>
          <List size="sm">
            {diff.removedProjects.map((p) => (
              <List.Item key={p.projectId}>{p.title}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {diff.money.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('report.moneyChanges')}
          </Title>
          <List size="sm">
            {diff.money.map((m) => (
              <List.Item key={`${m.source}-${m.kind}`}>
                {`${t(`fundingSource.${m.source}`)}, ${t(`fundingKind.${m.kind}`)}: ${format.money(m.previousCents)} → ${format.money(m.currentCents)} (${signed('Cents', m.differenceCents)})`}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
