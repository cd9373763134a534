import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api';
import type { OrganisationPage } from '../organisations/organisations.api';

/** The organisation types that may review profiles and broker contacts (as the server checks). */
const agencyTypes = ['development_agency', 'cluster_organisation'] as const;

function useAgencySearch(type: (typeof agencyTypes)[number], query: string) {
  return useQuery({
    queryKey: ['organisations', 'agencies', type, query],
    queryFn: ({ signal }) =>
      apiGet<OrganisationPage>('/organisations', { type, q: query || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * The agency that reviews a profile and brokers its contacts: a development agency or a cluster
 * organisation, found by name; empty leaves the choice to the server (the agency of the region).
 */
export function AgencySelect({
  value,
  known,
  onChange,
  error,
}: {
  value: number | undefined;
  known: { id: number; name: string } | null;
  onChange: (agencyId: number | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const typed = known && searchValue === known.name ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const agencies = useAgencySearch('development_agency', query);
  const clusters = useAgencySearch('cluster_organisation', query);
  const options = (page: OrganisationPage | undefined): ComboboxItem[] =>
    (page?.items ?? []).map((o) => ({ value: String(o.id), label: o.name }));
  const groups = [
    { group: t('organisationType.development_agency'), items: options(agencies.data) },
    { group: t('organisationType.cluster_organisation'), items: options(clusters.data) },
  ].filter((g) => g.items.length > 0);
  const listed = groups.some((g) => g.items.some((o) => o.value === String(value)));
  if (value !== undefined && !listed) {
    groups.unshift({
      group: t('matching.form.agencyChosen'),
      items: [{ value: String(value), label: known?.name ?? '…' }],
    });
  }
  return (
    <Select
      label={t('matching.detail.agency')}
      description={t('matching.form.agencyHint')}
      placeholder={t('matching.form.agencyPlaceholder')}
      searchable
      clearable
      data={groups}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('matching.form.noAgency')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
