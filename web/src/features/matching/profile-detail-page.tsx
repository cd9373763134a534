import { Alert, Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProfileDetail } from '../../../../contracts/profiles';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useCountryName } from '../organisations/country';
import { ProfileActions } from './profile-actions';
import {
  ConceptBadges,
  LanguageBadge,
  ProfileKindBadge,
  ProfileStatusBadge,
  usePartyFacts,
  usePartyLine,
} from './profile-badges';
import { ProfileMatches } from './profile-matches';
import { useProfile } from './profiles.api';

const route = getRouteApi('/matching/profiles/$profileId');

/** The review note for the author and the agency, and what the status means now. */
function StatusNotice({ profile }: { profile: ProfileDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isInsider = profile.allowedActions.length > 0 || profile.reviewNote !== null;
  if (profile.reviewNote) {
    return (
      <Alert
        color={profile.status === 'rejected' ? 'red' : 'gray'}
        title={t('matching.detail.reviewNote')}
        role={profile.status === 'rejected' ? 'alert' : undefined}
      >
        <Stack gap={4}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {profile.reviewNote}
          </Text>
          {profile.reviewedAt ? (
            <Text size="xs" c="dimmed">
              {t('matching.detail.reviewedAt', { date: format.dateTime(profile.reviewedAt) })}
            </Text>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (!isInsider || profile.status === 'published') return null;
  return (
    <Alert color="gray" title={t(`matching.status.${profile.status}`)}>
      <Text size="sm">{t(`matching.detail.statusHint.${profile.status}`)}</Text>
      {profile.agency === null && profile.allowedActions.includes('edit') ? (
        <Text size="sm" mt="xs">
          {t('matching.detail.noAgency')}
        </Text>
      ) : null}
    </Alert>
  );
}

function SoughtPartner({ profile }: { profile: ProfileDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const any = t('matching.detail.any');
  return (
    <Section title={t('matching.detail.sought')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('matching.detail.soughtTypes')}>
          {profile.soughtTypes.length > 0 ? (
            <Group gap={6}>
              {profile.soughtTypes.map((type) => (
                <Badge key={type} variant="outline" radius="sm" tt="none">
                  {t(`organisationType.${type}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            any
          )}
        </Fact>
        <Fact label={t('matching.detail.soughtSizes')}>
          {profile.soughtSizes.length > 0
            ? profile.soughtSizes.map((s) => t(`matching.sizeShort.${s}`)).join(', ')
            : any}
        </Fact>
        <Fact label={t('matching.detail.soughtCountries')}>
          {profile.soughtCountries.length > 0 ? profile.soughtCountries.map(countryName).join(', ') : any}
        </Fact>
        {profile.soughtRegions.length > 0 ? (
          <Fact label={t('matching.detail.soughtRegions')}>{profile.soughtRegions.map((r) => r.name).join(', ')}</Fact>
        ) : null}
      </Stack>
    </Section>
  );
}

function ProfileFacts({ profile }: { profile: ProfileDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partyLine = usePartyLine();
  const partyFacts = usePartyFacts();
  return (
    <Section title={t('matching.detail.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('matching.detail.organisation')}>
          {profile.organisation ? (
            <Stack gap={2}>
              <AnchorLink
                to="/organisations/$organisationId"
                params={{ organisationId: String(profile.organisation.id) }}
                size="sm"
              >
                {profile.organisation.name}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {partyFacts(profile)}
              </Text>
            </Stack>
          ) : (
            <Text span size="sm" fs="italic">
              {partyLine(profile)}
            </Text>
          )}
        </Fact>
        <Fact label={t('matching.detail.visibility')}>
          {t(`matching.visibility.${profile.visibility}`)}
          {profile.visibility === 'anonymous' ? (
            <Text size="xs" c="dimmed">
              {t('matching.visibility.anonymousHint')}
            </Text>
          ) : null}
        </Fact>
        <Fact label={t('matching.detail.stage')}>{t(`matching.stage.${profile.stage}`)}</Fact>
        <Fact label={t('matching.detail.deadline')}>
          {profile.deadline ? format.date(profile.deadline) : t('matching.detail.noDeadline')}
        </Fact>
        <Fact label={t('matching.detail.expiresOn')}>
          <Text span size="sm" c={profile.isExpired ? 'orange.8' : undefined} fw={profile.isExpired ? 600 : undefined}>
            {profile.isExpired
              ? t('matching.expiredOn', { date: format.date(profile.expiresOn) })
              : format.date(profile.expiresOn)}
          </Text>
          {profile.allowedActions.includes('edit') && !profile.allowedActions.includes('renew') ? (
            <Text size="xs" c="dimmed">
              {t('matching.detail.renewableFrom', { date: format.date(profile.renewableFrom) })}
            </Text>
          ) : null}
        </Fact>
        {profile.agency ? <Fact label={t('matching.detail.agency')}>{profile.agency.name}</Fact> : null}
        {profile.publishedAt ? (
          <Fact label={t('matching.detail.publishedAt')}>{format.date(profile.publishedAt.slice(0, 10))}</Fact>
        ) : null}
      </Stack>
    </Section>
  );
}

function ProfileView({ profile, onReload }: { profile: ProfileDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const partyLine = usePartyLine();
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/matching" size="sm">
            {t('matching.title')}
          </AnchorLink>
        }
        current={profile.title}
      />
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} maw={820}>
          <Group gap={6}>
            <ProfileKindBadge kind={profile.kind} />
            <LanguageBadge language={profile.language} />
            <ProfileStatusBadge status={profile.status} />
          </Group>
          <Title order={1} size="h2">
            {profile.title}
          </Title>
          <Text c="dimmed" fs={profile.organisation ? undefined : 'italic'}>
            {partyLine(profile)}
          </Text>
        </Stack>
        <ProfileActions profile={profile} onReload={onReload} />
      </Group>
      <StatusNotice profile={profile} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section title={t('matching.detail.summary')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{profile.summary}</Text>
            </Section>
            <Section title={t('matching.detail.concepts')} description={t('matching.detail.conceptsHint')}>
              {profile.concepts.length > 0 ? (
                <ConceptBadges concepts={profile.concepts} />
              ) : (
                <Text c="dimmed" size="sm">
                  {t('matching.detail.noConcepts')}
                </Text>
              )}
            </Section>
            <ProfileMatches profile={profile} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ProfileFacts profile={profile} />
            <SoughtPartner profile={profile} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A cooperation profile: what is offered or sought, by whom (or anonymously), and the partners that fit. */
export function ProfileDetailPage() {
  const { t } = useTranslation();
  const { profileId } = route.useParams();
  const id = parseRouteId(profileId);
  const profile = useProfile(id);
  usePageTitle(profile.data?.title ?? t('matching.title'));
  if (id === undefined) return <NotFoundState />;
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ProfileView profile={profile.data} onReload={() => void profile.refetch()} />;
}
