import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../lib/i18n';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { type SuggestionFilters, usePartnerSuggestions } from './concepts.api';
import { SuggestionFilterBar } from './suggestion-filters';
import { SuggestionItem } from './suggestion-item';

/**
 * "Partnervorschläge" on an organisation's page: partners of partners from real projects, the same
 * fields and concepts, complementary types, partner regions — each with score and reasons.
 */
export function PartnerSuggestions({ organisationId }: { organisationId: number }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<SuggestionFilters>({});
  const suggestions = usePartnerSuggestions(organisationId, toLanguage(i18n.resolvedLanguage), filters);
  return (
    <Section title={t('matching.suggestions.title')} description={t('matching.suggestions.description')}>
      <SuggestionFilterBar value={filters} onChange={setFilters} />
      <QueryState query={suggestions}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('matching.suggestions.empty')}
            </Text>
          ) : (
            <Stack component="ol" gap="sm" p={0} m={0} style={{ opacity: suggestions.isPlaceholderData ? 0.6 : 1 }}>
              {data.items.map((suggestion) => (
                <SuggestionItem
                  key={`${suggestion.organisationId ?? 'anonymous'}-${suggestion.profileId ?? 'organisation'}`}
                  suggestion={suggestion}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
