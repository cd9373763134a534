import {
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallListItem, type CallStatus, callStatuses } from '../../../../contracts/calls';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { ExportButtons } from '../../ui/export-buttons';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { canEditFunding } from '../grants/funding-permissions';
import { NaceFilterSelect } from '../organisations/nace-select';
import { useProgrammes } from '../programmes/programmes.api';
import { RegionSelect } from '../projects/region-select';
import { type CallSearch, callFilterParams, callPageSize, hasCallFilters } from './call-search';
import { CallStatusBadge, Deadline } from './call-status';
import { useCalls } from './calls.api';

const route = getRouteApi('/calls');

function SearchInput({ value, onSearch }: { value: string | undefined; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 350);
  useEffect(() => {
    if (commit.isPending()) return;
    setText((current) => ((current.trim() || undefined) === value ? current : (value ?? '')));
  }, [value, commit]);
  return (
    <TextInput
      label={t('calls.search')}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
    />
  );
}

function CallFilters({
  search,
  onChange,
  onReset,
}: {
  search: CallSearch;
  onChange: (patch: Omit<CallSearch, 'page'>, options?: { replace?: boolean }) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('calls.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <SearchInput value={search.q} onSearch={(q) => onChange({ q }, { replace: true })} />
        <Select
          label={t('calls.statusFilter')}
          placeholder={t('calls.allStatuses')}
          data={callStatuses.map((status) => ({ value: status, label: t(`calls.status.${status}`) }))}
          value={search.status ?? null}
          onChange={(value) => onChange({ status: (value as CallStatus | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('calls.programme')}
          placeholder={t('calls.allProgrammes')}
          data={(programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={search.programmeId ? String(search.programmeId) : null}
          onChange={(value) => onChange({ programmeId: value ? Number(value) : undefined })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('calls.type')}
          placeholder={t('calls.allTypes')}
          data={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
          value={search.type ?? null}
          onChange={(value) => onChange({ type: (value as OrganisationType | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <RegionSelect value={search.regionId} onChange={(regionId) => onChange({ regionId })} />
        <NaceFilterSelect value={search.nace} onChange={(nace) => onChange({ nace })} sectionCounts={undefined} />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" onClick={onReset} disabled={!hasCallFilters(search)}>
          {t('calls.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

function CallTable({ calls, isStale }: { calls: CallListItem[]; isStale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        miw={900}
        aria-busy={isStale}
        style={{ opacity: isStale ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">{t('calls.columns.title')}</Table.Th>
            <Table.Th>{t('calls.columns.funder')}</Table.Th>
            <Table.Th w={120}>{t('calls.columns.status')}</Table.Th>
            <Table.Th w={220}>{t('calls.columns.deadline')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('calls.columns.budget')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td>
                <Stack gap={2}>
                  <AnchorLink to="/calls/$callId" params={{ callId: String(call.id) }} size="sm" fw={500}>
                    {call.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {call.programme.name}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{call.funderName}</Text>
              </Table.Td>
              <Table.Td>
                <CallStatusBadge status={call.status} />
              </Table.Td>
              <Table.Td>
                <Deadline call={call} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {call.budgetCents === null ? t('calls.budgetUnknown') : format.money(call.budgetCents)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** The public list of funding calls with filters in the URL. */
export function CallListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const calls = useCalls(search);
  const me = useMe().data;
  const programmes = useProgrammes();
  // Anyone who may edit the calls of at least one programme may create one.
  const canCreate = (programmes.data?.items ?? []).some((p) => canEditFunding(me, p.id));
  usePageTitle(t('calls.title'));
  const total = calls.data?.total ?? 0;
  const update = (patch: Omit<CallSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('calls.title')}</Title>
          <Text c="dimmed">{t('calls.intro')}</Text>
        </Stack>
        <Group gap="md" align="center">
          {calls.data ? (
            <Text fw={600} aria-live="polite">
              {t('calls.count', { count: total, formatted: format.number(total) })}
            </Text>
          ) : null}
          <ExportButtons path="/calls/export" params={callFilterParams(search)} />
          {canCreate ? (
            <ButtonLink to="/calls/new" search={search.programmeId ? { programmeId: search.programmeId } : {}}>
              {t('callForm.createTitle')}
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <CallFilters search={search} onChange={update} onReset={() => void navigate({ search: {} })} />
      <QueryState query={calls}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('calls.empty')}
            </Text>
          ) : (
            <>
              <CallTable calls={data.items} isStale={calls.isPlaceholderData} />
              <ListPagination
                page={search.page ?? 1}
                pages={pageCount(total, callPageSize)}
                onChange={(next) =>
                  void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) })
                }
              />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
