import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../contracts/matching';
import type { ProfileDetail } from '../../../../contracts/profiles';
import { toLanguage } from '../../lib/i18n';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { useMe } from '../accounts/accounts.api';
import { type SuggestionFilters, useProfileMatches } from './concepts.api';
import { InterestModal } from './interest-modal';
import { ownOrganisationIds, speaksForSome } from './matching-permissions';
import { SuggestionFilterBar } from './suggestion-filters';
import { SuggestionItem } from './suggestion-item';

function InterestButton({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { profileId, profileTitle } = suggestion;
  if (profileId === null) return null;
  const title = profileTitle ?? '';
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => setOpened(true)}
        aria-label={t('matching.interest.buttonNamed', { title })}
      >
        {t('matching.interest.button')}
      </Button>
      <InterestModal opened={opened} target={{ profileId }} title={title} onClose={() => setOpened(false)} />
    </>
  );
}

/** "Passende Partner": profiles that fit this one, across languages, with score and reasons. */
export function ProfileMatches({ profile }: { profile: ProfileDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const [filters, setFilters] = useState<SuggestionFilters>({});
  const matches = useProfileMatches(profile.id, toLanguage(i18n.resolvedLanguage), filters);
  const canExpress = speaksForSome(me);
  // No interest in one's own organisation's profiles.
  const own = ownOrganisationIds(me);
  return (
    <Section title={t('matching.matches.title')} description={t('matching.matches.description')}>
      <SuggestionFilterBar value={filters} onChange={setFilters} />
      <QueryState query={matches}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('matching.matches.empty')}
            </Text>
          ) : (
            <Stack component="ol" gap="sm" p={0} m={0} style={{ opacity: matches.isPlaceholderData ? 0.6 : 1 }}>
              {data.items.map((suggestion) => (
                <SuggestionItem
                  key={suggestion.profileId ?? `o${suggestion.organisationId}`}
                  suggestion={suggestion}
                  action={
                    canExpress && !own.includes(suggestion.organisationId ?? 0) ? (
                      <InterestButton suggestion={suggestion} />
                    ) : null
                  }
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
