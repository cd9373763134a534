import { Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { ExportButtons } from '../../ui/export-buttons';
import { AnchorLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useIsStaff } from '../accounts/permissions';
import { OrganisationFilters } from './organisation-filters';
import { type OrganisationSearch, organisationFilterParams, organisationPageSize } from './organisation-search';
import { OrganisationTable } from './organisation-table';
import { useOrganisations } from './organisations.api';

const route = getRouteApi('/organisations');

export function OrganisationListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const organisations = useOrganisations(search);
  const isStaff = useIsStaff();
  usePageTitle(t('organisations.title'));

  const page = search.page ?? 1;
  const total = organisations.data?.total ?? 0;
  const pages = pageCount(total, organisationPageSize);

  const update = (patch: Omit<OrganisationSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  const reset = () => void navigate({ search: {} });
  const goToPage = (next: number) =>
    void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('organisations.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('organisations.intro')}{' '}
            {isStaff ? (
              <AnchorLink to="/organisations/duplicates" size="sm">
                {t('duplicates.title')}
              </AnchorLink>
            ) : null}
          </Text>
        </Stack>
        <Group gap="md">
          {organisations.data ? (
            <Text fw={600} aria-live="polite" data-testid="organisation-total">
              {t('count.organisations', { count: total, formatted: format.number(total) })}
            </Text>
          ) : null}
          <ExportButtons
            path="/organisations/export"
            params={{ ...organisationFilterParams(search), sort: search.sort }}
          />
        </Group>
      </Group>
      <OrganisationFilters search={search} onChange={update} onReset={reset} />
      <QueryState query={organisations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('organisations.empty')}
            </Text>
          ) : (
            <>
              <OrganisationTable
                organisations={data.items}
                isStale={organisations.isPlaceholderData}
                sort={search.sort}
                onSort={(sort) => update({ sort })}
              />
              <ListPagination page={page} pages={pages} onChange={goToPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
