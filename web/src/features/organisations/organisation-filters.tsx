import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import { RegionSelect } from '../projects/region-select';
import { commonCountries, useCountryName } from './country';
import {
  hasOrganisationFilters,
  normaliseIdentifier,
  type OrganisationSearch,
  type OrganisationSort,
  organisationSorts,
} from './organisation-search';

type FilterPatch = Omit<OrganisationSearch, 'page'>;

// Module-level, so the functions are stable and the field's effect runs only when the URL changes.
function acceptText(text: string): string | undefined {
  return text.trim() || undefined;
}

/**
 * A text field that writes to the URL a moment after typing stops (at once on Enter). `accept` turns the
 * typed text into the value to store, or null when it is not valid yet; the field then shows `invalidMessage`.
 */
function DebouncedInput({
  label,
  placeholder,
  value,
  onCommit,
  accept = acceptText,
  invalidMessage,
  type,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  accept?: (text: string) => string | undefined | null;
  invalidMessage?: string;
  type?: 'search' | 'text';
}) {
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback((next: string) => {
    const accepted = accept(next);
    if (accepted !== null) onCommit(accepted);
  }, 350);
  const [settled] = useDebouncedValue(text, 600);

  // Follow the URL when it changes from outside (back button, reset).
  useEffect(() => {
    if (commit.isPending()) return;
    setText((current) => (accept(current) === value ? current : (value ?? '')));
  }, [value, commit, accept]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type={type}
      value={text}
      error={invalidMessage && settled === text && accept(text) === null ? invalidMessage : undefined}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
    />
  );
}

function acceptIdentifier(text: string): string | undefined | null {
  return text.trim() ? normaliseIdentifier(text) : undefined;
}

/** The filter panel of the directory; every change is written to the URL by `onChange`. */
export function OrganisationFilters({
  search,
  onChange,
  onReset,
}: {
  search: OrganisationSearch;
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();

  const typeOptions = organisationTypes
    .map((type) => ({ value: type, label: t(`organisationType.${type}`) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const countries: string[] = [...commonCountries];
  if (search.country && !countries.includes(search.country)) countries.push(search.country);
  const countryOptions = countries
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => (a.value === 'DE' ? -1 : b.value === 'DE' ? 1 : a.label.localeCompare(b.label)));
  const sortOptions = organisationSorts.map((sort) => ({ value: sort, label: t(`organisations.sortOptions.${sort}`) }));

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('organisations.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
        <DebouncedInput
          label={t('organisations.search')}
          placeholder={t('organisations.searchPlaceholder')}
          type="search"
          value={search.q}
          onCommit={(q) => onChange({ q }, { replace: true })}
        />
        <Select
          label={t('organisations.type')}
          placeholder={t('organisations.allTypes')}
          data={typeOptions}
          value={search.type ?? null}
          onChange={(value) => onChange({ type: (value as OrganisationType | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('organisations.country')}
          placeholder={t('organisations.allCountries')}
          data={countryOptions}
          value={search.country ?? null}
          onChange={(value) => onChange({ country: value ?? undefined })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <RegionSelect value={search.regionId} onChange={(regionId) => onChange({ regionId })} />
        <DebouncedInput
          label={t('organisations.identifier')}
          placeholder={t('organisations.identifierPlaceholder')}
          value={search.identifier}
          accept={acceptIdentifier}
          invalidMessage={t('organisations.identifierInvalid')}
          onCommit={(identifier) => onChange({ identifier }, { replace: true })}
        />
        <Select
          label={t('organisations.sort')}
          data={sortOptions}
          value={search.sort ?? 'relevance'}
          onChange={(value) => {
            const sort = (value as OrganisationSort | null) ?? 'relevance';
            onChange({ sort: sort === 'relevance' ? undefined : sort });
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group align="flex-end" justify="flex-end">
          <Button variant="subtle" onClick={onReset} disabled={!hasOrganisationFilters(search) && !search.sort}>
            {t('organisations.reset')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
