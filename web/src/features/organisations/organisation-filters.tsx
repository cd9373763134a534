import { Button, Group, Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sizeClasses } from '../../../../contracts/organisations';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import { DebouncedInput } from '../../ui/debounced-input';
import { useProgrammes } from '../programmes/programmes.api';
import { RegionSelect } from '../projects/region-select';
import { commonCountries, useCountryName } from './country';
import { countsOf, useCountOption } from './facet-option';
import { NaceFilterSelect } from './nace-select';
import {
  hasOrganisationFilters,
  normaliseIdentifier,
  type OrganisationSearch,
  type SizeClass,
} from './organisation-search';
import { useOrganisationFacets } from './organisations.api';

type FilterPatch = Omit<OrganisationSearch, 'page'>;

// Module-level, so the function is stable and the field's effect runs only when the URL changes.
function acceptIdentifier(text: string): string | undefined | null {
  return text.trim() ? normaliseIdentifier(text) : undefined;
}

function toId(value: string | null): number | undefined {
  return value ? Number(value) : undefined;
}

/** The filter panel of the directory, with counts next to the options; every change is written to the URL. */
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
  const facets = useOrganisationFacets(search).data;
  const programmes = useProgrammes().data?.items ?? [];
  const typeOption = useCountOption(
    countsOf(
      facets?.type,
      (f) => f.value,
      (f) => f.count,
    ),
  );
  const countryOption = useCountOption(
    countsOf(
      facets?.country,
      (f) => f.value,
      (f) => f.count,
    ),
  );
  const programmeOption = useCountOption(
    countsOf(
      facets?.programme,
      (f) => f.id,
      (f) => f.count,
    ),
  );

  const typeOptions = organisationTypes
    .map((type) => ({ value: type, label: t(`organisationType.${type}`) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const countries = new Set<string>([...commonCountries, ...(facets?.country.map((f) => f.value) ?? [])]);
  if (search.country) countries.add(search.country);
  const countryOptions = [...countries]
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => (a.value === 'DE' ? -1 : b.value === 'DE' ? 1 : a.label.localeCompare(b.label)));
  const programmeOptions = programmes.map((programme) => ({ value: String(programme.id), label: programme.name }));
  const sizeOptions = sizeClasses.map((size) => ({ value: size, label: t(`sizeClass.${size}`) }));

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
          renderOption={typeOption}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <NaceFilterSelect
          value={search.nace}
          onChange={(nace) => onChange({ nace })}
          sectionCounts={countsOf(
            facets?.sector,
            (f) => f.code,
            (f) => f.count,
          )}
        />
        <Select
          label={t('organisations.programme')}
          placeholder={t('organisations.allProgrammes')}
          data={programmeOptions}
          value={search.programmeId ? String(search.programmeId) : null}
          onChange={(value) => onChange({ programmeId: toId(value) })}
          renderOption={programmeOption}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <RegionSelect value={search.regionId} onChange={(regionId) => onChange({ regionId })} facets={facets?.region} />
        <Select
          label={t('organisations.country')}
          placeholder={t('organisations.allCountries')}
          data={countryOptions}
          value={search.country ?? null}
          onChange={(value) => onChange({ country: value ?? undefined })}
          renderOption={countryOption}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('organisations.sizeClass')}
          placeholder={t('organisations.allSizeClasses')}
          data={sizeOptions}
          value={search.sizeClass ?? null}
          onChange={(value) => onChange({ sizeClass: (value as SizeClass | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <DebouncedInput
          label={t('organisations.identifier')}
          placeholder={t('organisations.identifierPlaceholder')}
          value={search.identifier}
          accept={acceptIdentifier}
          invalidMessage={t('organisations.identifierInvalid')}
          onCommit={(identifier) => onChange({ identifier }, { replace: true })}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" onClick={onReset} disabled={!hasOrganisationFilters(search) && !search.sort}>
          {t('organisations.reset')}
        </Button>
      </Group>
    </Paper>
  );
}
