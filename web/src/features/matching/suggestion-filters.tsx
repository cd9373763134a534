import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import type { SuggestionFilters } from './concepts.api';
import { CountrySelect } from './country-select';

/** Country and type of the partners to suggest. */
export function SuggestionFilterBar({
  value,
  onChange,
}: {
  value: SuggestionFilters;
  onChange: (filters: SuggestionFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="flex-end" role="group" aria-label={t('matching.matches.filters')}>
      <CountrySelect
        label={t('matching.matches.country')}
        placeholder={t('matching.list.allCountries')}
        value={value.country}
        onChange={(country) => onChange({ ...value, country })}
      />
      <Select
        label={t('matching.matches.type')}
        placeholder={t('matching.matches.allTypes')}
        data={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
        value={value.type ?? null}
        onChange={(type) => onChange({ ...value, type: (type as OrganisationType | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
