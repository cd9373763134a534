import { Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { ExportButtons } from '../../ui/export-buttons';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { ProjectFilters } from './project-filters';
import { type ProjectSearch, projectFilterParams, projectPageSize } from './project-search';
import { ProjectTable } from './project-table';
import { useProjects } from './projects.api';

const route = getRouteApi('/projects');

export function ProjectListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const projects = useProjects(search);
  usePageTitle(t('projects.title'));

  const page = search.page ?? 1;
  const total = projects.data?.total ?? 0;
  const pages = pageCount(total, projectPageSize);

  const update = (patch: Omit<ProjectSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  const reset = () => void navigate({ search: {} });
  const goToPage = (next: number) =>
    void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('projects.title')}</Title>
        <Group gap="md">
          {projects.data ? (
            <Text fw={600} aria-live="polite" data-testid="project-total">
              {projects.data?.isTotalCapped
                ? t('count.projectsMoreThan', { formatted: format.number(total) })
                : t('count.projects', { count: total, formatted: format.number(total) })}
            </Text>
          ) : null}
          <ExportButtons path="/projects/export" params={projectFilterParams(search)} />
        </Group>
      </Group>
      <ProjectFilters search={search} onChange={update} onReset={reset} />
      <QueryState query={projects}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('projects.empty')}
            </Text>
          ) : (
            <>
              <ProjectTable projects={data.items} isStale={projects.isPlaceholderData} />
              <ListPagination page={page} pages={pages} onChange={goToPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
