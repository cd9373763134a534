import { Button, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileListItem } from '../../../../contracts/profiles';
import { useFormat } from '../../lib/use-format';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { ForbiddenState, QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { MatchingNav } from './matching-nav';
import { actsForAnAgency } from './matching-permissions';
import { profilePageSize } from './matching-search';
import { ProfileCard } from './profile-card';
import { useProfiles } from './profiles.api';
import { type ReviewDecision, ReviewModal } from './review-modal';

const route = getRouteApi('/matching/review');

function ReviewActions({ profile }: { profile: ProfileListItem }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  return (
    <Stack gap="xs" miw={150}>
      <Button
        size="xs"
        onClick={() => setDecision('publish')}
        aria-label={t('matching.review.publishNamed', { title: profile.title })}
      >
        {t('matching.review.publish')}
      </Button>
      <Button
        size="xs"
        variant="default"
        color="red"
        onClick={() => setDecision('reject')}
        aria-label={t('matching.review.rejectNamed', { title: profile.title })}
      >
        {t('matching.review.reject')}
      </Button>
      <ReviewModal profile={profile} decision={decision} onClose={() => setDecision(null)} />
    </Stack>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe().data;
  const profiles = useProfiles({ status: 'submitted', agencyId: search.agencyId }, search.page ?? 1, {
    enabled: actsForAnAgency(me),
  });
  usePageTitle(t('matching.review.title'));
  if (!actsForAnAgency(me)) return <ForbiddenState />;
  const total = profiles.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap={4} maw={820}>
        <Title order={1}>{t('matching.review.title')}</Title>
        <Text c="dimmed">{t('matching.review.intro')}</Text>
      </Stack>
      <MatchingNav />
      <QueryState query={profiles}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('matching.review.empty')}
            </Text>
          ) : (
            <Stack gap="sm">
              <Text fw={600} aria-live="polite">
                {t('matching.review.count', { count: total, formatted: format.number(total) })}
              </Text>
              {data.items.map((profile) => (
                <ProfileCard key={profile.id} profile={profile} actions={<ReviewActions profile={profile} />} />
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

/** "Prüfung": the profiles submitted to the agencies the person works for, to publish or reject. */
export function ReviewPage() {
  return (
    <RequireSignIn>
      <ReviewQueue />
    </RequireSignIn>
  );
}
