import { Breadcrumbs, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../contracts/portfolio';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceBox } from '../../ui/provenance';
import { useRegionLevelLabel } from '../../ui/region-level';
import { Section } from '../../ui/section';
import { PartnerBadge, StatusBadge } from '../../ui/status-badge';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useCanEditProgramme } from '../accounts/permissions';
import { ProjectGrants } from '../grants/grants-section';
import { FundingLinesTable } from './funding-lines-table';
import { OrganisationsTable } from './organisations-table';
import { ProjectFormModal } from './project-form-modal';
import { useProject } from './projects.api';
import { StatusChangeModal } from './status-change-modal';
import { StatusTimeline } from './status-timeline';

const route = getRouteApi('/projects/$projectId');

function RegionPath({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const levelLabel = useRegionLevelLabel();
  const path = project.regionPath.length > 0 ? project.regionPath : project.region ? [project.region] : [];
  if (path.length === 0) return <>{t('project.noRegion')}</>;
  // "Köln › Köln › Köln" (district, city, municipality) needs the level to be readable.
  const isAmbiguous = (name: string) => path.filter((region) => region.name === name).length > 1;
  return (
    <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
      {path.map((region) => (
        <AnchorLink
          key={region.id}
          to="/projects"
          search={{ regionId: region.id }}
          size="sm"
          title={`${levelLabel(region.level)} · ${t('project.projectsInRegion', { name: region.name })}`}
        >
          {isAmbiguous(region.name) ? `${region.name} (${levelLabel(region.level)})` : region.name}
        </AnchorLink>
      ))}
    </Breadcrumbs>
  );
}

function ProjectFacts({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('project.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('project.programme')}>
          <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(project.programme.id) }} size="sm">
            {project.programme.name}
          </AnchorLink>
        </Fact>
        <Fact label={t('project.fieldOfAction')}>
          {project.fieldOfAction ? (
            <AnchorLink
              to="/projects"
              search={{ programmeId: project.programme.id, fieldOfActionId: project.fieldOfAction.id }}
              size="sm"
            >
              {project.fieldOfAction.name}
            </AnchorLink>
          ) : (
            t('common.none')
          )}
        </Fact>
        <Fact label={t('project.status')}>
          <StatusBadge status={project.status} />
        </Fact>
        <Fact label={t('project.region')}>
          <RegionPath project={project} />
        </Fact>
        <Fact label={t('project.startDate')}>
          {project.startDate ? format.date(project.startDate) : t('common.notPublished')}
        </Fact>
        <Fact label={t('project.endDate')}>
          {project.endDate ? format.date(project.endDate) : t('common.notPublished')}
        </Fact>
        {project.reference ? <Fact label={t('project.reference')}>{project.reference}</Fact> : null}
      </Stack>
    </Section>
  );
}

/** Bearbeiten and Status ändern: for the programme office of the project's programme and admins. */
function ProjectEditActions({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const close = () => setDialog(null);
  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>
      <Button variant="default" onClick={() => setDialog('status')}>
        {t('statusChange.title')}
      </Button>
      <ProjectFormModal
        opened={dialog === 'edit'}
        target={{ kind: 'edit', project }}
        onClose={close}
        onReload={onReload}
      />
      <StatusChangeModal opened={dialog === 'status'} project={project} onClose={close} onReload={onReload} />
    </Group>
  );
}

function ProjectView({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const canEdit = useCanEditProgramme(project.programme.id);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/projects" size="sm">
            {t('project.breadcrumb')}
          </AnchorLink>
        }
        current={project.title}
      />
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md">
          <Title order={1} size="h2" maw={880}>
            {project.title}
          </Title>
          {canEdit ? <ProjectEditActions project={project} onReload={onReload} /> : null}
        </Group>
        <Group gap="xs">
          <StatusBadge status={project.status} />
          {project.isPartnerProject ? <PartnerBadge /> : null}
          <VisibilityBadge visibility={project.visibility} />
          <Text size="sm" c="dimmed">
            {project.programme.name}
            {project.fieldOfAction ? ` · ${project.fieldOfAction.name}` : ''}
          </Text>
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section title={t('project.summary')}>
              {project.summary ? (
                <Text style={{ whiteSpace: 'pre-line' }}>{project.summary}</Text>
              ) : (
                <Text c="dimmed">{t('project.noSummary')}</Text>
              )}
            </Section>
            <OrganisationsTable organisations={project.organisations} />
            <StatusTimeline history={project.statusHistory} />
            <FundingLinesTable lines={project.fundingLines} />
            <ProjectGrants projectId={project.id} programmeId={project.programme.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ProjectFacts project={project} />
            <ProvenanceBox provenance={project.provenance} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ProjectDetailPage() {
  const { projectId } = route.useParams();
  const id = parseRouteId(projectId);
  const project = useProject(id);
  usePageTitle(project.data?.title);

  if (id === undefined) return <NotFoundState />;
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectView project={project.data} onReload={() => void project.refetch()} />;
}
