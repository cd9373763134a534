import { type ComboboxItem, MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionLevelLabel } from '../../ui/region-level';
import { useRegionSearch } from '../projects/projects.api';

/** Picks several regions by a fuzzy name search; `known` labels the regions already chosen. */
export function RegionMultiSelect({
  label,
  description,
  value,
  known,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: number[];
  known: ComboboxItem[];
  onChange: (regionIds: number[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const levelLabel = useRegionLevelLabel();
  const [searchValue, setSearchValue] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem[]>(known);
  const [query] = useDebouncedValue(searchValue.trim(), 250);
  const regions = useRegionSearch(query);
  const options: ComboboxItem[] = (regions.data?.items ?? []).map((region) => ({
    value: String(region.id),
    label: `${region.name} (${levelLabel(region.level)})`,
  }));
  // Chosen regions stay among the options, or the pills would lose their labels.
  const data = [...chosen.filter((item) => !options.some((option) => option.value === item.value)), ...options];
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={t('projects.regionPlaceholder')}
      searchable
      data={data}
      value={value.map(String)}
      onChange={(ids) => {
        setChosen(data.filter((item) => ids.includes(item.value)));
        onChange(ids.map(Number));
      }}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The server already matched the query (fuzzy); don't filter its answer again.
      filter={({ options: all }) => all}
      nothingFoundMessage={regions.isFetching ? t('common.loading') : t('projects.regionNothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      error={error}
    />
  );
}
