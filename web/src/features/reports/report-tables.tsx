import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../../contracts/portfolio';
import type { ProgressReport, ReportFigure } from '../../../../contracts/reports';
import { type Formatters, useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';
import { PartnerBadge, StatusBadge } from '../../ui/status-badge';

const countOf = (field: ProgressReport['byFieldOfAction'][number], status: ProjectStatus) =>
  field.statusCounts.find((s) => s.status === status)?.count ?? 0;

export function FieldOfActionTable({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('report.byFieldOfAction')}>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.fieldOfAction')}</Table.Th>
              <Table.Th ta="right">{t('report.headline.projects')}</Table.Th>
              <Table.Th ta="right">{t('status.in_progress')}</Table.Th>
              <Table.Th ta="right">{t('status.completed')}</Table.Th>
              <Table.Th ta="right">{t('status.under_review')}</Table.Th>
              <Table.Th ta="right">{t('report.funding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byFieldOfAction.map((field) => (
              <Table.Tr key={field.id ?? 'none'}>
                <Table.Td>{field.name ?? t('report.withoutFieldOfAction')}</Table.Td>
                <Table.Td ta="right">{format.number(field.projects)}</Table.Td>
                <Table.Td ta="right">{format.number(countOf(field, 'in_progress'))}</Table.Td>
                <Table.Td ta="right">{format.number(countOf(field, 'completed'))}</Table.Td>
                <Table.Td ta="right">{format.number(countOf(field, 'under_review'))}</Table.Td>
                <Table.Td ta="right">{format.money(field.fundingCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function figureValue(figure: ReportFigure, value: number, format: Formatters): string {
  return figure.unit === 'eur_cents' ? format.money(value) : format.number(value);
}

function signed(figure: ReportFigure, value: number, format: Formatters): string {
  const formatted = figureValue(figure, Math.abs(value), format);
  return value > 0 ? `+${formatted}` : value < 0 ? `−${formatted}` : '±0';
}

/** Reported figures next to the tracked ones; a difference is marked in red, agreement in green. */
export function FiguresTable({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('report.figures')} description={t('report.figuresIntro')}>
      {report.reportedFigures.length === 0 ? (
        <Text c="dimmed">{t('report.figuresEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.figure')}</Table.Th>
                <Table.Th ta="right">{t('report.reported')}</Table.Th>
                <Table.Th ta="right">{t('report.tracked')}</Table.Th>
                <Table.Th ta="right">{t('report.difference')}</Table.Th>
                <Table.Th>{t('report.published')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.reportedFigures.map((figure) => {
                const qualifier = figure.qualifier === 'exact' ? '' : `${t(`qualifier.${figure.qualifier}`)} `;
                return (
                  <Table.Tr key={figure.id}>
                    <Table.Td maw={380}>
                      <Text size="sm">{figure.label}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {qualifier}
                        {figureValue(figure, figure.value, format)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {figure.tracked === null ? (
                        <Text size="sm" c="dimmed">
                          {t('report.notTracked')}
                        </Text>
                      ) : (
                        <Text size="sm">{figureValue(figure, figure.tracked, format)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {figure.difference === null ? (
                        <Text size="sm" c="dimmed">
                          –
                        </Text>
                      ) : (
                        <Badge
                          color={figure.difference === 0 ? 'teal' : 'red'}
                          variant="light"
                          radius="sm"
                          tt="none"
                          size="lg"
                        >
                          {signed(figure, figure.difference, format)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{format.date(figure.publishedOn)}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** Rows the page shows; the files hold every project. */
const PROJECT_ROWS_SHOWN = 500;

/** The report's projects with their status as of the date (the first 500 on the page). */
export function ProjectTable({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = report.projects.slice(0, PROJECT_ROWS_SHOWN);
  return (
    <Section title={t('report.projects', { formatted: format.number(report.projects.length) })}>
      {report.projects.length === 0 ? (
        <Text c="dimmed">{t('report.projectsEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.columns.title')}</Table.Th>
                <Table.Th>{t('report.fieldOfAction')}</Table.Th>
                <Table.Th>{t('report.columns.status')}</Table.Th>
                <Table.Th>{t('report.columns.lead')}</Table.Th>
                <Table.Th>{t('report.columns.start')}</Table.Th>
                <Table.Th ta="right">{t('report.funding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td maw={360}>
                    <Group gap={6}>
                      <AnchorLink to="/projects/$projectId" params={{ projectId: String(project.id) }} size="sm">
                        {project.title}
                      </AnchorLink>
                      {project.isPartnerProject ? <PartnerBadge size="xs" /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{project.fieldOfAction ?? '–'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={project.status} />
                    {project.statusSince ? (
                      <Text size="xs" c="dimmed">
                        {t('report.since', { date: format.date(project.statusSince) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{project.leadOrganisation ?? '–'}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{project.startDate ? format.date(project.startDate) : '–'}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{format.money(project.fundingCents)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length < report.projects.length ? (
            <Text size="sm" c="dimmed" mt="sm">
              {t('report.projectsCut', {
                shown: format.number(rows.length),
                total: format.number(report.projects.length),
              })}
            </Text>
          ) : null}
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
