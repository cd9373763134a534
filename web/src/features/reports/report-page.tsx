import { Alert, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProgressReport, ReportHeadline } from '../../../../contracts/reports';
import { todayIsoDate } from '../../lib/format';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useCanEditProgramme } from '../accounts/permissions';
import { MoneyCharts, StatusBars } from './report-charts';
import { ReportDiffView } from './report-diff';
import type { ReportSearch } from './report-search';
import { FreezeReportButton, SnapshotList } from './report-snapshots';
import { FieldOfActionTable, FiguresTable, ProjectTable } from './report-tables';
import { reportFileUrl, useProgrammeReport, useReportSnapshot } from './reports.api';

const route = getRouteApi('/programmes/$programmeId/report');

const cards: (keyof ReportHeadline)[] = [
  'projects',
  'inProgress',
  'completed',
  'underReview',
  'fundingCents',
  'plannedCents',
  'committedCents',
  'disbursedCents',
];

function HeadlineCards({ headline }: { headline: ReportHeadline }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {cards.map((metric) => (
        <Paper key={metric} withBorder radius="md" p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`report.headline.${metric}`)}
          </Text>
          <Text fw={700} fz={26} lh={1.3}>
            {metric.endsWith('Cents') ? format.moneyCompact(headline[metric]) : format.number(headline[metric])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The report's sections: figures, charts, reported vs tracked, changes, projects. */
function ReportBody({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const changes = report.changes;
  return (
    <Stack gap="xl">
      <HeadlineCards headline={report.headline} />
      <FiguresTable report={report} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <StatusBars report={report} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <FieldOfActionTable report={report} />
        </Grid.Col>
      </Grid>
      <MoneyCharts report={report} />
      <Section
        title={t('report.changes')}
        description={
          changes
            ? t('report.changesAgainst', {
                version: changes.previous.version,
                title: changes.previous.title,
                date: format.date(changes.previous.asOf),
              })
            : undefined
        }
      >
        {changes ? <ReportDiffView diff={changes.diff} /> : <Text c="dimmed">{t('report.changesNone')}</Text>}
      </Section>
      <ProjectTable report={report} />
    </Stack>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { programmeId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/programmes/$programmeId/report' });
  const id = parseRouteId(programmeId);
  const asOf = search.asOf ?? todayIsoDate();
  const live = useProgrammeReport(id, asOf);
  const snapshot = useReportSnapshot(search.snapshot);
  const canFreeze = useCanEditProgramme(id ?? 0);
  const setSearch = (next: Partial<ReportSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true });
  usePageTitle(live.data ? `${t('report.title')} – ${live.data.programme.name}` : t('report.title'));

  if (id === undefined) return <NotFoundState />;
  if (live.isPending) return <LoadingState />;
  if (live.isError) return <ErrorState error={live.error} onRetry={() => void live.refetch()} />;

  const report = search.snapshot && snapshot.data ? snapshot.data.data : live.data;
  const shown = search.snapshot ? snapshot.data : undefined;
  const files = shown ? { snapshotId: shown.id } : { programmeId: id, asOf };
  return (
    <Stack gap="xl">
      <Stack gap="md">
        <PageBreadcrumbs
          parent={
            <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(id) }} size="sm">
              {live.data.programme.name}
            </AnchorLink>
          }
          current={t('report.title')}
        />
        <Group justify="space-between" align="flex-end" gap="md">
          <Stack gap={4}>
            <Title order={1}>{t('report.heading', { programme: live.data.programme.name })}</Title>
            <Text c="dimmed">{t('report.asOfLine', { date: format.date(report.asOf) })}</Text>
          </Stack>
          <Group gap="sm" align="flex-end">
            <TextInput
              type="date"
              label={t('report.asOf')}
              value={asOf}
              disabled={Boolean(shown)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setSearch({ asOf: value });
              }}
              w={170}
            />
            <Button component="a" variant="default" href={reportFileUrl('pdf', files)} download>
              {t('report.downloadPdf')}
            </Button>
            <Button component="a" variant="default" href={reportFileUrl('xlsx', files)} download>
              {t('report.downloadXlsx')}
            </Button>
            {canFreeze && !shown ? (
              <FreezeReportButton
                programmeId={id}
                programmeName={live.data.programme.name}
                asOf={asOf}
                onFrozen={() => undefined}
              />
            ) : null}
          </Group>
        </Group>
        {shown ? (
          <Alert color="blue" title={t('report.viewingSnapshotTitle', { version: shown.version })}>
            <Stack gap={6}>
              <Text size="sm">
                {t('report.viewingSnapshot', {
                  title: shown.title,
                  date: format.dateTime(shown.frozenAt),
                })}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {t('report.sha', { sha: shown.sha256 })}
              </Text>
              <Group>
                <Button size="xs" variant="default" onClick={() => setSearch({ snapshot: undefined })}>
                  {t('report.showLive')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" maw={900}>
            {t('report.intro')}
          </Text>
        )}
      </Stack>
      <ReportBody report={report} />
      <SnapshotList
        programmeId={id}
        shownId={search.snapshot}
        onShow={(snapshotId) => setSearch({ snapshot: snapshotId })}
        compare={{ from: search.compare, to: search.with }}
        onCompare={({ from, to }) => setSearch({ compare: from, with: to })}
      />
    </Stack>
  );
}
