import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileListItem } from '../../../../contracts/profiles';
import { AnchorLink } from '../../ui/links';
import {
  ConceptBadges,
  LanguageBadge,
  ProfileDates,
  ProfileKindBadge,
  ProfileStatusBadge,
  usePartyFacts,
  usePartyLine,
} from './profile-badges';

/**
 * One profile in a list: kind, language, title, who stands behind it (or what an anonymous one
 * reveals), the start of its summary, its concepts and dates; `actions` go to the right.
 */
export function ProfileCard({
  profile,
  withStatus = false,
  actions,
}: {
  profile: ProfileListItem;
  withStatus?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const partyLine = usePartyLine();
  const partyFacts = usePartyFacts();
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={`profile-${profile.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <ProfileKindBadge kind={profile.kind} />
            <LanguageBadge language={profile.language} />
            {withStatus || profile.status !== 'published' ? <ProfileStatusBadge status={profile.status} /> : null}
            {profile.visibility === 'anonymous' && profile.organisation ? (
              <Text size="xs" c="dimmed">
                {t('matching.shownAnonymously')}
              </Text>
            ) : null}
          </Group>
          <AnchorLink
            id={`profile-${profile.id}`}
            to="/matching/profiles/$profileId"
            params={{ profileId: String(profile.id) }}
            fw={600}
          >
            {profile.title}
          </AnchorLink>
          <Text size="sm">
            {profile.organisation ? (
              <>
                <Text span size="sm" fw={500}>
                  {profile.organisation.name}
                </Text>
                <Text span size="sm" c="dimmed">{` · ${partyFacts(profile)}`}</Text>
              </>
            ) : (
              <Text span size="sm" c="dimmed" fs="italic">
                {partyLine(profile)}
              </Text>
            )}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {profile.summary}
          </Text>
          {profile.concepts.length > 0 ? <ConceptBadges concepts={profile.concepts} max={6} /> : null}
          <ProfileDates deadline={profile.deadline} expiresOn={profile.expiresOn} isExpired={profile.isExpired} />
        </Stack>
        {actions}
      </Group>
    </Paper>
  );
}
