import { type ComboboxItem, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FacetCounts, useCountOption } from './facet-option';
import { useNaceLabel, useNaceSearch } from './nace.api';

/** The options for a typed query, debounced; the server matches labels in every language and code starts. */
function useNaceOptions(searchValue: string, selectedLabels: string[]) {
  const naceLabel = useNaceLabel();
  // After a choice the input shows the chosen label; that is not a new query.
  const typed = selectedLabels.includes(searchValue) ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const nace = useNaceSearch(query);
  const options: ComboboxItem[] = (nace.data?.items ?? []).map((item) => ({
    value: item.code,
    label: naceLabel(item.code, item.labels),
  }));
  return { options, isFetching: nace.isFetching };
}

/** The label of a code opened from a link, looked up by the code itself. */
function useKnownNaceLabel(code: string | undefined): string | undefined {
  const naceLabel = useNaceLabel();
  const lookup = useNaceSearch(code ?? '');
  const item = code ? lookup.data?.items.find((candidate) => candidate.code === code) : undefined;
  return item ? naceLabel(item.code, item.labels) : undefined;
}

/** The NACE filter: a section, division, group or class; sections show how many organisations they hold. */
export function NaceFilterSelect({
  value,
  onChange,
  sectionCounts,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  sectionCounts: FacetCounts;
}) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const knownLabel = useKnownNaceLabel(value);
  const { options, isFetching } = useNaceOptions(searchValue, knownLabel ? [knownLabel] : []);
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: knownLabel ?? value });
  }
  const countOption = useCountOption(sectionCounts);
  return (
    <Select
      label={t('organisations.nace')}
      placeholder={t('organisations.allNace')}
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The server already matched the query; don't filter its answer again.
      filter={({ options: all }) => all}
      // Only sections (one letter) have facet counts.
      renderOption={(input) => (/^[A-U]$/.test(input.option.value) ? countOption(input) : input.option.label)}
      nothingFoundMessage={isFetching ? t('common.loading') : t('organisations.naceNothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}

/** Picks several NACE codes (the first is the primary one); `known` labels the codes already chosen. */
export function NaceMultiSelect({
  value,
  known,
  onChange,
  error,
  label,
  description,
}: {
  value: string[];
  known: ComboboxItem[];
  onChange: (codes: string[]) => void;
  error?: string;
  /** Another label and hint than the organisation form's. */
  label?: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem[]>(known);
  const { options } = useNaceOptions(searchValue, []);
  // Chosen codes stay among the options, or the pills would lose their labels.
  const data = [...chosen.filter((item) => !options.some((option) => option.value === item.value)), ...options];
  return (
    <MultiSelect
      label={label ?? t('organisationForm.nace')}
      description={description ?? t('organisationForm.naceHint')}
      searchable
      data={data}
      value={value}
      onChange={(codes) => {
        setChosen(data.filter((item) => codes.includes(item.value)));
        onChange(codes);
      }}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('organisations.naceNothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      error={error}
    />
  );
}
