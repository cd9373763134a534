import { Alert, Button, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeDetail } from '../../../../contracts/challenges';
import type { Suggestion } from '../../../../contracts/matching';
import { sizeClasses } from '../../../../contracts/organisations';
import { hasErrorCode } from '../../lib/api';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { useInviteeSuggestions, useInviteOrganisations } from './challenges.api';

/** "Unternehmen · Kleines Unternehmen · Italien, Torino": what is known of a suggested organisation. */
function useSuggestionFacts(): (s: Suggestion) => string {
  const { t } = useTranslation();
  const { language } = useFormat();
  const countries = new Intl.DisplayNames([intlLocale(language)], { type: 'region' });
  return (s) => {
    const size =
      s.sizeClass && (sizeClasses as readonly string[]).includes(s.sizeClass)
        ? t(`sizeClass.${s.sizeClass as (typeof sizeClasses)[number]}`)
        : null;
    const place = [s.country ? (countries.of(s.country) ?? s.country) : null, s.region].filter(Boolean).join(', ');
    return [t(`organisationType.${s.type}`), size, place || null].filter(Boolean).join(' · ');
  };
}

function SuggestionCard({
  suggestion,
  canInvite,
  isPending,
  onInvite,
}: {
  suggestion: Suggestion;
  canInvite: boolean;
  isPending: boolean;
  onInvite: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const facts = useSuggestionFacts();
  const percent = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 });
  const name = suggestion.name ?? t('challenges.suggestions.anonymous');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={2}>
            {suggestion.organisationId !== null ? (
              <AnchorLink
                to="/organisations/$organisationId"
                params={{ organisationId: String(suggestion.organisationId) }}
                fw={600}
              >
                {name}
              </AnchorLink>
            ) : (
              <Text fw={600}>{name}</Text>
            )}
            <Text size="xs" c="dimmed">
              {facts(suggestion)}
            </Text>
          </Stack>
          {canInvite && suggestion.organisationId !== null ? (
            <Button
              size="xs"
              onClick={onInvite}
              disabled={isPending}
              aria-label={t('challenges.suggestions.inviteNamed', { organisation: name })}
            >
              {t('challenges.suggestions.invite')}
            </Button>
          ) : null}
        </Group>
        <Group gap="sm" wrap="nowrap" maw={360}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('challenges.suggestions.score')}
          </Text>
          <Progress
            value={Math.round(suggestion.score * 100)}
            style={{ flex: 1 }}
            aria-label={t('challenges.suggestions.score')}
          />
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {percent.format(suggestion.score)}
          </Text>
        </Group>
        {suggestion.reasons.length > 0 ? (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('challenges.suggestions.reasons')}
            </Text>
            {/* Each reason's text already names its evidence (partners, topics, regions). */}
            <List size="sm" spacing={4}>
              {suggestion.reasons.map((reason) => (
                <List.Item key={reason.code}>{reason.text}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

const pageSize = 10;
/** The API gives at most this many suggestions. */
const maxSuggestions = 50;

/** "Vorschläge": whom to invite, by the same matching as the partner search, each with an "Einladen" button. */
export function SuggestionsTab({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const [limit, setLimit] = useState(pageSize);
  const suggestions = useInviteeSuggestions(challenge.id, language, limit);
  const invite = useInviteOrganisations(challenge.id);
  const [invited, setInvited] = useState<string | null>(null);
  const canInvite = challenge.canEdit && challenge.status === 'open';
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('challenges.suggestions.hint')}
      </Text>
      {invited ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setInvited(null)}>
          {t('challenges.invitations.invited', { organisation: invited })}
        </Alert>
      ) : null}
      {hasErrorCode(invite.error, 'conflict') ? (
        <Alert color="orange" role="alert">
          {t('challenges.invitations.notAccepting')}
        </Alert>
      ) : (
        <ApiErrorAlert error={invite.error} />
      )}
      <QueryState query={suggestions}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {challenge.concepts.length === 0
                ? t('challenges.suggestions.noConcepts')
                : t('challenges.suggestions.none')}
            </Text>
          ) : (
            <Stack gap="sm" style={{ opacity: suggestions.isPlaceholderData ? 0.6 : 1 }}>
              {data.items.map((s) => (
                <SuggestionCard
                  key={s.organisationId ?? `profile-${s.profileId}`}
                  suggestion={s}
                  canInvite={canInvite}
                  isPending={invite.isPending}
                  onInvite={() => {
                    if (s.organisationId === null) return;
                    invite.mutate(
                      { organisationIds: [s.organisationId] },
                      { onSuccess: () => setInvited(s.name ?? '') },
                    );
                  }}
                />
              ))}
              {data.items.length >= limit && limit < maxSuggestions ? (
                <Button
                  variant="default"
                  style={{ alignSelf: 'center' }}
                  loading={suggestions.isFetching}
                  onClick={() => setLimit((l) => Math.min(maxSuggestions, l + pageSize))}
                >
                  {t('challenges.suggestions.more')}
                </Button>
              ) : null}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
