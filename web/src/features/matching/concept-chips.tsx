import { Anchor, Group, Loader, Pill, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../../../contracts/matching';
import { type ExtractedConcept, useConceptSearch, useExtractedConcepts } from './concepts.api';
import { useConceptLabel } from './profile-badges';

/** The concepts of a profile: while not edited they follow the text; once edited, the author's choice. */
export type ConceptChoice = { isEdited: boolean; concepts: Concept[] };

function ConceptSearch({ chosen, onAdd }: { chosen: Concept[]; onAdd: (concept: Concept) => void }) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 250);
  const found = useConceptSearch(query);
  const items = (found.data?.items ?? []).filter((c) => !chosen.some((k) => k.key === c.key));
  return (
    <Select
      label={t('matching.concepts.add')}
      placeholder={t('matching.concepts.addPlaceholder')}
      searchable
      data={items.map((c) => ({
        value: c.key,
        label: c.kind === 'nace' ? `${label(c)} (${c.key.replace('nace:', 'NACE ')})` : label(c),
      }))}
      value={null}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      onChange={(key) => {
        const concept = items.find((c) => c.key === key);
        if (concept) onAdd(concept);
        setSearchValue('');
      }}
      // The server matched the query in three languages; don't filter its answer again.
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('matching.concepts.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maw={420}
    />
  );
}

/** "robotica, cobot": the words of the text that led to a concept. */
function Terms({ terms }: { terms: string[] }) {
  const { t } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <Text span size="xs" c="dimmed" ml={4}>
      {t('matching.concepts.from', { terms: terms.join(', ') })}
    </Text>
  );
}

/**
 * The concepts as editable chips. While the author writes, the text is analysed (debounced) and the
 * concepts found are shown with the words that led to them. Removing a chip or adding one from the
 * search makes the choice the author's own; "Wieder aus dem Text" hands it back to the text.
 */
export function ConceptChips({
  text,
  value,
  fallback,
  onChange,
  error,
}: {
  text: string;
  value: ConceptChoice;
  /** Shown until the first analysis of the text arrives (the profile's saved concepts). */
  fallback: Concept[];
  onChange: (choice: ConceptChoice) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const [settled] = useDebouncedValue(text, 600);
  const extracted = useExtractedConcepts(settled);
  const found: ExtractedConcept[] = settled.trim() ? (extracted.data?.items ?? []) : [];
  const termsOf = (key: string) => found.find((c) => c.key === key)?.terms ?? [];
  const hasAnalysis = extracted.data !== undefined || !settled.trim();
  const chosen = value.isEdited ? value.concepts : hasAnalysis ? found : fallback;
  const suggested = value.isEdited ? found.filter((c) => !chosen.some((k) => k.key === c.key)) : [];
  const isAnalysing = extracted.isFetching || settled !== text;

  return (
    <Stack gap="sm">
      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed">
          {value.isEdited ? t('matching.concepts.edited') : t('matching.concepts.followText')}
        </Text>
        <Group gap="xs">
          {isAnalysing ? (
            <Group gap={4} role="status">
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                {t('matching.concepts.analysing')}
              </Text>
            </Group>
          ) : null}
          {value.isEdited ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => onChange({ isEdited: false, concepts: [] })}
            >
              {t('matching.concepts.reset')}
            </Anchor>
          ) : null}
        </Group>
      </Group>
      <Stack gap={0} role="group" aria-label={t('matching.concepts.chosen')}>
        {chosen.length === 0 ? (
          <Text size="sm" c="dimmed">
            {text.trim() ? t('matching.concepts.noneFound') : t('matching.concepts.writeFirst')}
          </Text>
        ) : (
          <Pill.Group>
            {chosen.map((concept) => (
              <Pill
                key={concept.key}
                size="lg"
                withRemoveButton
                onRemove={() => onChange({ isEdited: true, concepts: chosen.filter((c) => c.key !== concept.key) })}
                // Mantine hides the button from keyboards and screen readers (it expects Backspace in an input); here it is the way to remove.
                removeButtonProps={{
                  'aria-hidden': false,
                  tabIndex: 0,
                  'aria-label': t('matching.concepts.remove', { label: label(concept) }),
                }}
                styles={{ root: { maxWidth: '100%' } }}
              >
                {label(concept)}
                <Terms terms={termsOf(concept.key)} />
              </Pill>
            ))}
          </Pill.Group>
        )}
      </Stack>
      {suggested.length > 0 ? (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('matching.concepts.suggested')}
          </Text>
          <Group gap={6}>
            {suggested.map((concept) => (
              <UnstyledButton
                key={concept.key}
                onClick={() => onChange({ isEdited: true, concepts: [...chosen, concept] })}
                aria-label={t('matching.concepts.addNamed', { label: label(concept) })}
              >
                <Pill size="lg" style={{ cursor: 'pointer', opacity: 0.75 }}>
                  + {label(concept)}
                  <Terms terms={concept.terms} />
                </Pill>
              </UnstyledButton>
            ))}
          </Group>
        </Stack>
      ) : null}
      <ConceptSearch
        chosen={chosen}
        onAdd={(concept) => onChange({ isEdited: true, concepts: [...chosen, concept] })}
      />
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
