import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePerson, usePersonNameSearch } from './people.api';

/** Picks one person by name (optional: clearable). */
export function PersonSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: number | undefined;
  onChange: (personId: number | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const known = usePerson(value).data;
  const [searchValue, setSearchValue] = useState('');
  const typed = known && searchValue === known.name ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const people = usePersonNameSearch(query);

  const options: ComboboxItem[] = (people.data?.items ?? []).map((person) => ({
    value: String(person.id),
    label: person.name,
  }));
  if (value !== undefined && !options.some((option) => option.value === String(value))) {
    options.unshift({ value: String(value), label: known?.name ?? t('common.loading') });
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('personSelect.placeholder')}
      searchable
      clearable
      data={options}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t('common.loading') : t('personSelect.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
