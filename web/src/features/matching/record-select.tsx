import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api';

/**
 * Picks a project or a grant by a title search (the lists' own `q`), for linking what came of a
 * contact; `known` labels the record already linked.
 */
export function RecordSelect({
  kind,
  label,
  value,
  known,
  onChange,
  error,
}: {
  kind: 'projects' | 'grants';
  label: string;
  value: number | null;
  known: { id: number; title: string } | null;
  onChange: (id: number | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 250);
  const found = useQuery({
    queryKey: [kind, 'titles', query],
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: number; title: string }[] }>(`/${kind}`, { q: query || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    enabled: query.length >= 2,
  });
  const options: ComboboxItem[] = (found.data?.items ?? []).map((r) => ({ value: String(r.id), label: r.title }));
  if (known && !options.some((o) => o.value === String(known.id))) {
    options.unshift({ value: String(known.id), label: known.title });
  }
  return (
    <Select
      label={label}
      placeholder={t('matching.contacts.searchTitle')}
      searchable
      clearable
      data={options}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={query.length < 2 ? t('matching.contacts.typeMore') : t('matching.contacts.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
