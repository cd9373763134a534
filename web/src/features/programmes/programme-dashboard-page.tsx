import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { useProvenanceLine } from '../../ui/provenance';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useCanEditProgramme } from '../accounts/permissions';
import { ProjectFormModal } from '../projects/project-form-modal';
import { FieldOfActionChart } from './field-of-action-chart';
import { FieldOfActionModal } from './field-of-action-modal';
import { ProgrammeMoneySection } from './money-section';
import { ProgrammeFormModal } from './programme-form-modal';
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

type Dialog = 'edit' | 'fieldOfAction' | 'project' | null;

/** Bearbeiten, Handlungsfeld hinzufügen, Projekt anlegen: for the programme office and admins only. */
function ProgrammeEditActions({ programme, onReload }: { programme: ProgrammeDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>
      <Button variant="default" onClick={() => setDialog('fieldOfAction')}>
        {t('fieldOfActionForm.add')}
      </Button>
      <Button variant="default" onClick={() => setDialog('project')}>
        {t('projectForm.createTitle')}
      </Button>
      <ProgrammeFormModal opened={dialog === 'edit'} programme={programme} onClose={close} onReload={onReload} />
      <FieldOfActionModal opened={dialog === 'fieldOfAction'} programme={programme} onClose={close} />
      <ProjectFormModal
        opened={dialog === 'project'}
        target={{ kind: 'create', programmeId: programme.id }}
        onClose={close}
      />
    </Group>
  );
}

function ProgrammeHeader({ programme, onReload }: { programme: ProgrammeDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const provenanceLine = useProvenanceLine();
  const period = format.period(programme.periodStart, programme.periodEnd);
  const canEdit = useCanEditProgramme(programme.id);
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
          <Group gap="sm" align="center">
            <Title order={1}>{programme.name}</Title>
            <VisibilityBadge visibility={programme.visibility} />
          </Group>
          <Text c="dimmed">
            {[programme.owner, period ?? t('programmes.periodUnknown')].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ButtonLink
            variant="default"
            to="/programmes/$programmeId/report"
            params={{ programmeId: String(programme.id) }}
          >
            {t('report.link')}
          </ButtonLink>
          <ButtonLink to="/projects" search={{ programmeId: programme.id }}>
            {t('dashboard.showProjects')}
          </ButtonLink>
        </Group>
      </Group>
      {canEdit ? <ProgrammeEditActions programme={programme} onReload={onReload} /> : null}
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
      <ProgrammeHeader programme={data} onReload={() => void programme.refetch()} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <StatusChart statusCounts={data.statusCounts} />
        <FieldOfActionChart programme={data} />
      </SimpleGrid>
      <ProgrammeMoneySection programmeId={data.id} />
      <ReportedFiguresTable programme={data} />
    </Stack>
  );
}
