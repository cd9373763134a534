import { Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { GrantFilters } from './grant-filters';
import { type GrantSearch, grantFilterParams, grantPageSize } from './grant-search';
import { GrantTable } from './grant-table';
import { useGrants } from './grants.api';

const route = getRouteApi('/grants');

export function GrantListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const grants = useGrants({ ...grantFilterParams(search), page: search.page ?? 1, pageSize: grantPageSize });
  usePageTitle(t('grants.title'));

  const page = search.page ?? 1;
  const total = grants.data?.total ?? 0;

  const update = (patch: Omit<GrantSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  const goToPage = (next: number) =>
    void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('grants.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('grants.intro')}
          </Text>
        </Stack>
        {grants.data ? (
          <Text fw={600} aria-live="polite" data-testid="grant-total">
            {t('grants.count', { count: total, formatted: format.number(total) })}
          </Text>
        ) : null}
      </Group>
      <GrantFilters search={search} onChange={update} onReset={() => void navigate({ search: {} })} />
      <QueryState query={grants}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('grants.empty')}
            </Text>
          ) : (
            <>
              <GrantTable
                grants={data.items}
                isStale={grants.isPlaceholderData}
                sort={search.sort}
                onSort={(sort) => update({ sort })}
              />
              <ListPagination page={page} pages={pageCount(total, grantPageSize)} onChange={goToPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
