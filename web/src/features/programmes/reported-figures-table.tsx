import { Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail, ProjectStatus, ReportedFigure } from '../../../../contracts/portfolio';
import { type Formatters, useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';
import { SourceToggle } from '../../ui/source-toggle';

const statusMetrics: Record<string, ProjectStatus> = {
  'projects.status.in_progress': 'in_progress',
  'projects.status.completed': 'completed',
  'projects.status.under_review': 'under_review',
};

/** The count Standort itself tracks for a reported metric, when it tracks one. */
export function trackedCount(programme: ProgrammeDetail, metric: string): number | null {
  if (metric === 'projects.total') return programme.projectCount;
  const status = statusMetrics[metric];
  if (!status) return null;
  return programme.statusCounts.find((row) => row.status === status)?.count ?? 0;
}

function formatValue(figure: ReportedFigure, format: Formatters): string {
  return figure.unit === 'eur_cents' ? format.moneyCompact(figure.value) : format.number(figure.value);
}

export function ReportedFiguresTable({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = programme.reportedFigures;

  return (
    <Section title={t('dashboard.reportedFigures')} description={t('dashboard.reportedFiguresIntro')}>
      {figures.length === 0 ? (
        <Text c="dimmed">{t('dashboard.reportedFiguresEmpty')}</Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table verticalSpacing="sm" miw={860} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.figureLabel')}</Table.Th>
                <Table.Th>{t('dashboard.figureValue')}</Table.Th>
                <Table.Th>{t('dashboard.figurePeriod')}</Table.Th>
                <Table.Th>{t('dashboard.figurePublished')}</Table.Th>
                <Table.Th>{t('dashboard.figureSource')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.map((figure) => {
                const tracked = trackedCount(programme, figure.metric);
                const qualifier = figure.qualifier === 'exact' ? '' : `${t(`qualifier.${figure.qualifier}`)} `;
                return (
                  <Table.Tr key={figure.id}>
                    <Table.Td maw={280}>
                      <Text size="sm">{figure.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {qualifier}
                          {formatValue(figure, format)}
                        </Text>
                        {tracked === null ? null : (
                          <Badge variant="light" color="gray" radius="sm" title={t('dashboard.trackedHint')} tt="none">
                            {t('dashboard.tracked', { formatted: format.number(tracked) })}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.period(figure.periodStart, figure.periodEnd) ?? t('common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {format.date(figure.publishedOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <SourceToggle provenance={figure.provenance} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Section>
  );
}
