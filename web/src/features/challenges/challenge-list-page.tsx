import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeListItem } from '../../../../contracts/challenges';
import { challengeStatuses } from '../../../../contracts/matching';
import { useFormat } from '../../lib/use-format';
import { DebouncedInput } from '../../ui/debounced-input';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { useConcept, useConceptSearch } from '../matching/concepts.api';
import { useConceptLabel } from '../matching/profile-badges';
import { ChallengeDeadline, ChallengeStatusBadge, ChallengeVisibilityBadge, ConceptChips } from './challenge-parts';
import { type ChallengeSearch, challengePageSize, hasChallengeFilters } from './challenge-search';
import { useChallenges } from './challenges.api';
import { speaksForSomeOrganisation } from './own-organisations';

const route = getRouteApi('/challenges');

type Update = (patch: Omit<ChallengeSearch, 'page'>, options?: { replace?: boolean }) => void;

/** Picks one concept by searching the vocabulary (labels in all three languages). */
function ConceptFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (key: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const current = useConcept(value);
  const [searchValue, setSearchValue] = useState('');
  const typed = current && searchValue === label(current) ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const concepts = useConceptSearch(query);
  const options = (concepts.data?.items ?? []).map((concept) => ({ value: concept.key, label: label(concept) }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: current ? label(current) : value });
  }
  return (
    <Select
      label={t('challenges.conceptFilter')}
      placeholder={t('challenges.allConcepts')}
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={concepts.isFetching ? t('common.loading') : t('challenges.noConceptFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function ChallengeFilters({
  search,
  onChange,
  onReset,
}: {
  search: ChallengeSearch;
  onChange: Update;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('challenges.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <DebouncedInput
          label={t('challenges.search')}
          placeholder={t('challenges.searchPlaceholder')}
          type="search"
          value={search.q}
          onCommit={(q) => onChange({ q }, { replace: true })}
        />
        <Select
          label={t('challenges.statusFilter')}
          placeholder={t('challenges.allStatuses')}
          data={challengeStatuses.map((status) => ({ value: status, label: t(`challenges.status.${status}`) }))}
          value={search.status ?? null}
          onChange={(value) => onChange({ status: (value as ChallengeSearch['status'] | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <ConceptFilter value={search.concept} onChange={(concept) => onChange({ concept })} />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" onClick={onReset} disabled={!hasChallengeFilters(search)}>
          {t('challenges.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

function ChallengeTable({
  challenges,
  isStale,
  activeConcept,
  onConcept,
}: {
  challenges: ChallengeListItem[];
  isStale: boolean;
  activeConcept: string | undefined;
  onConcept: (key: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-busy={isStale} style={{ opacity: isStale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">{t('challenges.columns.challenge')}</Table.Th>
            <Table.Th>{t('challenges.columns.concepts')}</Table.Th>
            <Table.Th w={150}>{t('challenges.columns.visibility')}</Table.Th>
            <Table.Th w={230}>{t('challenges.columns.deadline')}</Table.Th>
            <Table.Th w={110} ta="right">
              {t('challenges.columns.responses')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {challenges.map((challenge) => (
            <Table.Tr key={challenge.id}>
              <Table.Td>
                <Stack gap={2}>
                  <AnchorLink
                    to="/challenges/$challengeId"
                    params={{ challengeId: String(challenge.id) }}
                    size="sm"
                    fw={500}
                  >
                    {challenge.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {challenge.organisation.name}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <ConceptChips
                  concepts={challenge.concepts}
                  activeKey={activeConcept}
                  onSelect={(concept) => onConcept(concept.key)}
                />
              </Table.Td>
              <Table.Td>
                <ChallengeVisibilityBadge visibility={challenge.visibility} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {challenge.status === 'closed' ? <ChallengeStatusBadge status="closed" /> : null}
                  <ChallengeDeadline challenge={challenge} />
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.number(challenge.responseCount)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Cross-innovation challenges: open ones first with the days left, filters in the URL. */
export function ChallengeListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const challenges = useChallenges(search);
  const me = useMe().data;
  usePageTitle(t('challenges.title'));
  const total = challenges.data?.total ?? 0;
  const update: Update = (patch, options) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={760}>
          <Title order={1}>{t('challenges.title')}</Title>
          <Text c="dimmed">{t('challenges.intro')}</Text>
        </Stack>
        <Group gap="md" align="center">
          {challenges.data ? (
            <Text fw={600} aria-live="polite">
              {t('challenges.count', { count: total, formatted: format.number(total) })}
            </Text>
          ) : null}
          {speaksForSomeOrganisation(me) ? <ButtonLink to="/challenges/new">{t('challenges.post')}</ButtonLink> : null}
        </Group>
      </Group>
      <ChallengeFilters search={search} onChange={update} onReset={() => void navigate({ search: {} })} />
      <QueryState query={challenges}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {hasChallengeFilters(search) ? t('challenges.emptyFiltered') : t('challenges.empty')}
            </Text>
          ) : (
            <>
              <ChallengeTable
                challenges={data.items}
                isStale={challenges.isPlaceholderData}
                activeConcept={search.concept}
                onConcept={(key) => update({ concept: key === search.concept ? undefined : key })}
              />
              <ListPagination
                page={search.page ?? 1}
                pages={pageCount(total, challengePageSize)}
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
