import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { useProvenanceLine } from '../../ui/provenance';
import { usePageTitle } from '../../ui/use-page-title';
import { FieldOfActionChart } from './field-of-action-chart';
import { MoneyChart } from './money-chart';
import { useProgramme } from './programmes.api';
import { ReportedFiguresTable } from './reported-figures-table';
import { StatusChart } from './status-chart';

const route = getRouteApi('/programmes/$programmeId');

function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

function ProgrammeHeader({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const provenanceLine = useProvenanceLine();
  const period = format.period(programme.periodStart, programme.periodEnd);
  return (
    <Stack gap="md">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/" size="sm">
            {t('dashboard.breadcrumb')}
          </AnchorLink>
        }
        current={programme.name}
      />
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} maw={820}>
          <Title order={1}>{programme.name}</Title>
          <Text c="dimmed">
            {[programme.owner, period ?? t('programmes.periodUnknown')].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <ButtonLink to="/projects" search={{ programmeId: programme.id }}>
          {t('dashboard.showProjects')}
        </ButtonLink>
      </Group>
      {programme.description ? <Text maw={820}>{programme.description}</Text> : null}
      {programme.provenance ? (
        <Text size="sm" c="dimmed">
          {t('provenance.sourceLine', { source: provenanceLine(programme.provenance) })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <KeyFigure label={t('dashboard.trackedProjects')} value={format.number(programme.projectCount)} />
        <KeyFigure label={t('dashboard.fieldsOfAction')} value={format.number(programme.fieldOfActionCount)} />
        <KeyFigure label={t('dashboard.trackedFunding')} value={format.moneyCompact(programme.fundingTotalCents)} />
      </SimpleGrid>
    </Stack>
  );
}

export function ProgrammeDashboardPage() {
  const { programmeId } = route.useParams();
  const id = parseRouteId(programmeId);
  const programme = useProgramme(id);
  usePageTitle(programme.data?.name);

  if (id === undefined) return <NotFoundState />;
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;

  const data = programme.data;
  return (
    <Stack gap="xl">
      <ProgrammeHeader programme={data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <StatusChart statusCounts={data.statusCounts} />
        <MoneyChart money={data.money} />
      </SimpleGrid>
      <FieldOfActionChart programme={data} />
      <ReportedFiguresTable programme={data} />
    </Stack>
  );
}
