import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonListItem } from '../../../../contracts/people';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { DebouncedInput } from '../../ui/debounced-input';
import { ExportButtons } from '../../ui/export-buttons';
import { AnchorLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useIsStaff } from '../accounts/permissions';
import { OrganisationSelect } from '../organisations/organisation-select';
import { personName, usePeople } from './people.api';
import { type PeopleSearch, peoplePageSize } from './people-search';
import { PersonFormModal } from './person-form-modal';

const route = getRouteApi('/people');

function PeopleTable({ people, isStale }: { people: PersonListItem[]; isStale: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={640}
      caption={t('people.tableCaption')}
      columns={[t('person.columns.name'), t('people.columns.roles')]}
      isStale={isStale}
      striped
      highlightOnHover
      verticalSpacing="sm"
    >
      {people.map((person) => (
        <Table.Tr key={person.id}>
          <Table.Td w="35%">
            <AnchorLink to="/people/$personId" params={{ personId: String(person.id) }} size="sm" fw={500}>
              {personName(person)}
            </AnchorLink>
          </Table.Td>
          <Table.Td>
            {person.roles.length === 0 ? (
              <Text size="sm">{t('common.none')}</Text>
            ) : (
              person.roles.map((role) => (
                <Text size="sm" key={`${role.organisationId}-${role.title}`}>
                  {role.title},{' '}
                  <AnchorLink
                    to="/organisations/$organisationId"
                    params={{ organisationId: String(role.organisationId) }}
                    size="sm"
                  >
                    {role.organisationName}
                  </AnchorLink>
                </Text>
              ))
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function CreatePersonButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('personForm.createTitle')}</Button>
      <PersonFormModal opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

/** People named in the directory's sources, with their current roles; staff add new ones. */
export function PeopleListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const people = usePeople(search);
  const isStaff = useIsStaff();
  usePageTitle(t('people.title'));

  const page = search.page ?? 1;
  const total = people.data?.total ?? 0;
  const update = (patch: Omit<PeopleSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  const goToPage = (next: number) =>
    void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('people.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('people.intro')}
          </Text>
        </Stack>
        {isStaff ? <CreatePersonButton /> : null}
      </Group>
      <Paper
        withBorder
        radius="md"
        p="md"
        component="form"
        role="search"
        aria-label={t('people.filters')}
        onSubmit={(event: React.FormEvent) => event.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DebouncedInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            type="search"
            value={search.q}
            onCommit={(q) => update({ q }, { replace: true })}
          />
          <OrganisationSelect
            label={t('people.organisation')}
            placeholder={t('people.allOrganisations')}
            value={search.organisationId}
            onChange={(organisationId) => update({ organisationId })}
          />
        </SimpleGrid>
      </Paper>
      <Group justify="space-between" align="center">
        <Text fw={600} aria-live="polite" data-testid="people-total">
          {people.data ? t('count.people', { count: total, formatted: format.number(total) }) : null}
        </Text>
        <ExportButtons path="/people/export" params={{ q: search.q, organisationId: search.organisationId }} />
      </Group>
      <QueryState query={people}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('people.empty')}
            </Text>
          ) : (
            <>
              <PeopleTable people={data.items} isStale={people.isPlaceholderData} />
              <ListPagination page={page} pages={pageCount(total, peoplePageSize)} onChange={goToPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
