import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ProfileStatus, profileStatuses } from '../../../../contracts/matching';
import { useFormat } from '../../lib/use-format';
import { ButtonLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { MatchingNav } from './matching-nav';
import { ownOrganisationIds } from './matching-permissions';
import { profilePageSize } from './matching-search';
import { OwnOrganisationSelect } from './own-organisation-select';
import { ProfileCard } from './profile-card';
import { useProfiles } from './profiles.api';

const route = getRouteApi('/matching/mine');

function MyProfiles() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe().data;
  // Without a choice, the first organisation the person's roles name.
  const organisationId = search.organisationId ?? ownOrganisationIds(me)[0];
  const profiles = useProfiles({ organisationId, status: search.status }, search.page ?? 1, {
    enabled: organisationId !== undefined,
  });
  usePageTitle(t('matching.mine.title'));
  const total = profiles.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={820}>
          <Title order={1}>{t('matching.mine.title')}</Title>
          <Text c="dimmed">{t('matching.mine.intro')}</Text>
        </Stack>
        <ButtonLink to="/matching/profiles/new" search={organisationId ? { organisationId } : {}}>
          {t('matching.create')}
        </ButtonLink>
      </Group>
      <MatchingNav />
      <Paper withBorder radius="md" p="md" role="search" aria-label={t('matching.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OwnOrganisationSelect
            label={t('matching.mine.organisation')}
            value={organisationId}
            onChange={(id) =>
              void navigate({ search: (previous) => ({ ...previous, organisationId: id, page: undefined }) })
            }
          />
          <Select
            label={t('matching.mine.status')}
            placeholder={t('matching.mine.allStatuses')}
            data={profileStatuses.map((status) => ({ value: status, label: t(`matching.status.${status}`) }))}
            value={search.status ?? null}
            onChange={(value) =>
              void navigate({
                search: (previous) => ({
                  ...previous,
                  status: (value as ProfileStatus | null) ?? undefined,
                  page: undefined,
                }),
              })
            }
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Paper>
      {organisationId === undefined ? (
        <Text c="dimmed">{t('matching.mine.chooseOrganisation')}</Text>
      ) : (
        <QueryState query={profiles}>
          {(data) =>
            data.items.length === 0 ? (
              <Text py="lg" c="dimmed">
                {t('matching.mine.empty')}
              </Text>
            ) : (
              <Stack gap="sm">
                <Text fw={600} aria-live="polite">
                  {t('matching.list.count', { count: total, formatted: format.number(total) })}
                </Text>
                {data.items.map((profile) => (
                  <ProfileCard key={profile.id} profile={profile} withStatus />
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
      )}
    </Stack>
  );
}

/** "Meine Profile": the profiles of an organisation the person speaks for, in every status. */
export function MyProfilesPage() {
  return (
    <RequireSignIn>
      <MyProfiles />
    </RequireSignIn>
  );
}
