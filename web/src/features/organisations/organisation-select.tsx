import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisation, useOrganisationNameSearch } from './organisations.api';

/** Picks one organisation by a forgiving name search (the directory's own matching). */
export function OrganisationSelect({
  label,
  value,
  onChange,
  placeholder,
  required,
  error,
}: {
  label: string;
  value: number | undefined;
  onChange: (organisationId: number | undefined) => void;
  placeholder?: string;
  required?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const known = useOrganisation(value).data;
  const [searchValue, setSearchValue] = useState('');
  // After a choice the input shows the chosen name; that is not a new query.
  const typed = known && searchValue === known.name ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const organisations = useOrganisationNameSearch(query);

  const options: ComboboxItem[] = (organisations.data?.items ?? []).map((organisation) => ({
    value: String(organisation.id),
    label: organisation.name,
  }));
  if (value !== undefined && !options.some((option) => option.value === String(value))) {
    options.unshift({ value: String(value), label: known?.name ?? t('common.loading') });
  }

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('organisationSelect.placeholder')}
      searchable
      clearable={!required}
      required={required}
      data={options}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The server already matched the query (fuzzy); don't filter its answer again.
      filter={({ options: all }) => all}
      nothingFoundMessage={organisations.isFetching ? t('common.loading') : t('organisationSelect.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
