import { Group, Input, Loader, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../../../contracts/matching';
import { type ExtractedConcept, useConceptSearch } from '../matching/concepts.api';
import { useConceptLabel } from '../matching/profile-badges';

/** What the author did to the suggested concepts: added some by hand, removed others. */
export type ConceptChoice = { added: Concept[]; dismissed: string[] };

/**
 * The concepts a challenge gets: those found in its text that nobody removed (nor chose to leave
 * out earlier, `ignored`), then those added by hand.
 */
export function chosenConcepts(
  extracted: Concept[],
  choice: ConceptChoice,
  ignored: readonly string[] = [],
): Concept[] {
  const out = new Set([...choice.dismissed, ...ignored]);
  const added = new Set(choice.added.map((c) => c.key));
  const fromText = extracted.filter((c) => !out.has(c.key) && !added.has(c.key));
  return [...fromText, ...choice.added.filter((c) => !choice.dismissed.includes(c.key))];
}

export function removeConcept(choice: ConceptChoice, key: string): ConceptChoice {
  return { added: choice.added.filter((c) => c.key !== key), dismissed: [...new Set([...choice.dismissed, key])] };
}

export function addConcept(choice: ConceptChoice, concept: Concept): ConceptChoice {
  return {
    added: choice.added.some((c) => c.key === concept.key) ? choice.added : [...choice.added, concept],
    dismissed: choice.dismissed.filter((key) => key !== concept.key),
  };
}

/** Searches the vocabulary and hands the picked concept over; the field empties again after each pick. */
function AddConcept({ taken, onAdd }: { taken: string[]; onAdd: (concept: Concept) => void }) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 250);
  const concepts = useConceptSearch(query, { limit: 30, enabled: query.length >= 2 });
  const items = (query.length >= 2 ? (concepts.data?.items ?? []) : []).filter((c) => !taken.includes(c.key));
  return (
    <Select
      aria-label={t('challenges.form.addConcept')}
      placeholder={t('challenges.form.addConceptPlaceholder')}
      searchable
      data={items.map((c) => ({
        value: c.key,
        label: `${label(c)} · ${t(`challenges.conceptKind.${c.kind}`)}`,
      }))}
      value={null}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      onChange={(key) => {
        const concept = items.find((c) => c.key === key);
        if (concept) onAdd(concept);
        setSearchValue('');
      }}
      filter={({ options }) => options}
      nothingFoundMessage={
        query.length < 2
          ? t('challenges.form.typeToSearch')
          : concepts.isFetching
            ? t('common.loading')
            : t('challenges.noConceptFound')
      }
      comboboxProps={{ withinPortal: true }}
      maw={420}
    />
  );
}

/**
 * Sector and technology concepts as removable chips: suggested from the text as it is typed,
 * more added by searching the vocabulary.
 */
export function ConceptPicker({
  chosen,
  extracted,
  isExtracting,
  onRemove,
  onAdd,
  error,
}: {
  chosen: Concept[];
  extracted: ExtractedConcept[];
  isExtracting: boolean;
  onRemove: (key: string) => void;
  onAdd: (concept: Concept) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const fromText = new Map(extracted.map((c) => [c.key, c.terms]));
  return (
    <Input.Wrapper
      label={t('challenges.form.concepts')}
      description={t('challenges.form.conceptsHint')}
      error={error}
      component="div"
    >
      <Stack gap="xs" mt={6}>
        <Group gap={6} role="list" aria-label={t('challenges.form.concepts')} mih={28} align="center">
          {chosen.map((concept) => {
            const terms = fromText.get(concept.key);
            const text = label(concept);
            return (
              <Pill
                key={concept.key}
                role="listitem"
                size="md"
                withRemoveButton
                onRemove={() => onRemove(concept.key)}
                // Mantine hides the remove button from keyboards and screen readers (made for PillsInput); here it is the only way.
                removeButtonProps={{
                  'aria-label': t('challenges.form.removeConcept', { concept: text }),
                  'aria-hidden': false,
                  tabIndex: 0,
                }}
                title={terms ? t('challenges.form.foundBy', { terms: terms.join(', ') }) : undefined}
                bg={concept.kind === 'technology' ? 'teal.0' : 'indigo.0'}
              >
                {text}
              </Pill>
            );
          })}
          {chosen.length === 0 && !isExtracting ? (
            <Text size="sm" c="dimmed">
              {t('challenges.form.noConceptsYet')}
            </Text>
          ) : null}
          {isExtracting ? <Loader size="xs" aria-label={t('challenges.form.extracting')} /> : null}
        </Group>
        <AddConcept taken={chosen.map((c) => c.key)} onAdd={onAdd} />
      </Stack>
    </Input.Wrapper>
  );
}
