import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ProfileKind, profileKinds } from '../../../../contracts/matching';
import { useFormat } from '../../lib/use-format';
import { DebouncedInput } from '../../ui/debounced-input';
import { ButtonLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { CountrySelect } from './country-select';
import { MatchingNav } from './matching-nav';
import { speaksForSome } from './matching-permissions';
import { hasProfileFilters, type ProfileSearch, profileFilterParams, profilePageSize } from './matching-search';
import { ProfileCard } from './profile-card';
import { useProfiles } from './profiles.api';

const route = getRouteApi('/matching');

function ProfileFilters({
  search,
  onChange,
  onReset,
}: {
  search: ProfileSearch;
  onChange: (patch: Omit<ProfileSearch, 'page'>, options?: { replace?: boolean }) => void;
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
      aria-label={t('matching.list.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <DebouncedInput
          label={t('matching.list.search')}
          placeholder={t('matching.list.searchPlaceholder')}
          type="search"
          value={search.q}
          onCommit={(q) => onChange({ q }, { replace: true })}
        />
        <Select
          label={t('matching.list.kind')}
          placeholder={t('matching.list.allKinds')}
          data={profileKinds.map((kind) => ({ value: kind, label: t(`matching.kind.${kind}`) }))}
          value={search.kind ?? null}
          onChange={(value) => onChange({ kind: (value as ProfileKind | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <CountrySelect
          label={t('matching.list.country')}
          placeholder={t('matching.list.allCountries')}
          value={search.country}
          onChange={(country) => onChange({ country })}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Text size="xs" c="dimmed">
          {t('matching.list.searchHint')}
        </Text>
        <Button variant="subtle" onClick={onReset} disabled={!hasProfileFilters(search)}>
          {t('matching.list.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

/** "Partnersuche": the published cooperation profiles, searchable across languages. */
export function ProfileListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe().data;
  const profiles = useProfiles(profileFilterParams(search), search.page ?? 1);
  usePageTitle(t('matching.title'));
  const total = profiles.data?.total ?? 0;
  const update = (patch: Omit<ProfileSearch, 'page'>, options?: { replace?: boolean }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: options?.replace });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={820}>
          <Title order={1}>{t('matching.title')}</Title>
          <Text c="dimmed">{t('matching.intro')}</Text>
        </Stack>
        <Group gap="md" align="center">
          {profiles.data ? (
            <Text fw={600} aria-live="polite">
              {t('matching.list.count', { count: total, formatted: format.number(total) })}
            </Text>
          ) : null}
          {speaksForSome(me) ? <ButtonLink to="/matching/profiles/new">{t('matching.create')}</ButtonLink> : null}
        </Group>
      </Group>
      <MatchingNav />
      <ProfileFilters search={search} onChange={update} onReset={() => void navigate({ search: {} })} />
      <QueryState query={profiles}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {hasProfileFilters(search) ? t('matching.list.emptyFiltered') : t('matching.list.empty')}
            </Text>
          ) : (
            <Stack
              gap="sm"
              aria-busy={profiles.isPlaceholderData}
              style={{ opacity: profiles.isPlaceholderData ? 0.6 : 1 }}
            >
              {data.items.map((profile) => (
                <ProfileCard key={profile.id} profile={profile} />
              ))}
              <ListPagination
                page={search.page ?? 1}
                pages={pageCount(total, profilePageSize)}
                onChange={(next) =>
                  void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) })
                }
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
