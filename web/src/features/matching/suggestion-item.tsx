import { Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../contracts/matching';
import { sizeClasses } from '../../../../contracts/organisations';
import { AnchorLink } from '../../ui/links';
import { useCountryName } from '../organisations/country';
import { ProfileKindBadge } from './profile-badges';
import { useScorePercent } from './score';

type SizeClass = (typeof sizeClasses)[number];
const isSizeClass = (value: string | null): value is SizeClass =>
  value !== null && (sizeClasses as readonly string[]).includes(value);

/** How well a suggestion fits, as a bar with the percentage next to it. */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const percent = useScorePercent();
  const colour = score >= 0.6 ? 'teal' : score >= 0.35 ? 'blue' : 'gray';
  return (
    <Group gap="xs" wrap="nowrap" w={180}>
      <Progress
        value={Math.round(score * 100)}
        color={colour}
        size="lg"
        radius="xl"
        style={{ flex: 1 }}
        aria-label={t('matching.matches.score', { percent: percent(score) })}
      />
      <Text size="sm" fw={700} w={48} ta="right">
        {percent(score)}
      </Text>
    </Group>
  );
}

/**
 * One suggested partner: the organisation (or "Anonymes Profil · Land · Typ · Größe"), its profile,
 * the score and the reasons as sentences in the UI language. `action` goes to the right.
 */
export function SuggestionItem({ suggestion, action }: { suggestion: Suggestion; action?: ReactNode }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const s = suggestion;
  const facts = [
    s.country ? countryName(s.country) : null,
    t(`organisationType.${s.type}`),
    isSizeClass(s.sizeClass) ? t(`matching.sizeShort.${s.sizeClass}`) : null,
  ].filter(Boolean);
  const isAnonymous = s.organisationId === null;
  return (
    <Paper withBorder radius="md" p="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            {isAnonymous ? (
              <Text fw={600} fs="italic">
                {[t('matching.anonymous'), ...facts].join(' · ')}
              </Text>
            ) : (
              <Group gap={6} wrap="wrap">
                <AnchorLink
                  to="/organisations/$organisationId"
                  params={{ organisationId: String(s.organisationId) }}
                  fw={600}
                >
                  {s.name}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {[s.region, ...facts].filter(Boolean).join(' · ')}
                </Text>
              </Group>
            )}
            {s.profileId !== null && s.profileTitle ? (
              <Group gap={6} wrap="wrap">
                {s.profileKind ? <ProfileKindBadge kind={s.profileKind} /> : null}
                <AnchorLink to="/matching/profiles/$profileId" params={{ profileId: String(s.profileId) }} size="sm">
                  {s.profileTitle}
                </AnchorLink>
              </Group>
            ) : null}
          </Stack>
          <Group gap="md" wrap="nowrap" align="center">
            <ScoreBar score={s.score} />
            {action}
          </Group>
        </Group>
        {s.reasons.length > 0 ? (
          <List size="sm" spacing={2} aria-label={t('matching.matches.reasons')}>
            {s.reasons.map((reason) => (
              <List.Item key={reason.code}>{reason.text}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}
