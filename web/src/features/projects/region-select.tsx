import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionLevelLabel } from '../../ui/region-level';
import { countsOf, useCountOption } from '../organisations/facet-option';
import { type RegionOption, useRegion, useRegionSearch } from './projects.api';

interface RegionLabel {
  name: string;
  level: string;
}

/** A region with how many records of the list it would leave (the directory's facet counts). */
export interface RegionFacet {
  id: number;
  name: string;
  count: number;
}

/**
 * Picks a region by a fuzzy name search. With `facets`, the open list first offers the regions that hold the
 * most records, and options show their counts.
 */
export function RegionSelect({
  value,
  onChange,
  error,
  facets,
}: {
  value: number | undefined;
  onChange: (regionId: number | undefined) => void;
  error?: string;
  facets?: RegionFacet[];
}) {
  const { t } = useTranslation();
  const levelLabel = useRegionLevelLabel();
  const labelOf = (region: RegionLabel) => `${region.name} (${levelLabel(region.level)})`;
  const known = useRegion(value).data;
  const [searchValue, setSearchValue] = useState('');
  // After a choice the input shows the chosen label; that is not a new query.
  const typed = known && known.id === value && searchValue === labelOf(known) ? '' : searchValue.trim();
  const [query] = useDebouncedValue(typed, 250);
  const regions = useRegionSearch(query);

  const items: RegionOption[] = regions.data?.items ?? [];
  const options: ComboboxItem[] =
    facets && !typed
      ? facets.map((region) => ({
          value: String(region.id),
          label: known && known.id === region.id ? labelOf(known) : region.name,
        }))
      : items.map((region) => ({ value: String(region.id), label: labelOf(region) }));
  // The facet names only the regions with the most records: no count says nothing about the others.
  const countOption = useCountOption(
    facets
      ? countsOf(
          facets,
          (f) => f.id,
          (f) => f.count,
        )
      : undefined,
    {
      isComplete: false,
    },
  );
  if (value !== undefined && !options.some((option) => option.value === String(value))) {
    options.unshift({
      value: String(value),
      label: known ? labelOf(known) : t('projects.regionUnknown', { id: value }),
    });
  }

  return (
    <Select
      label={t('projects.region')}
      placeholder={t('projects.regionPlaceholder')}
      searchable
      clearable
      data={options}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The server already matched the query (fuzzy); don't filter its answer again.
      filter={({ options: all }) => all}
      nothingFoundMessage={regions.isFetching ? t('common.loading') : t('projects.regionNothingFound')}
      renderOption={facets ? countOption : undefined}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
