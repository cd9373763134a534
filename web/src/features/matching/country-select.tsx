import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { commonCountries, useCountryName } from '../organisations/country';

// The partner regions' countries first, then the rest of the directory's usual countries.
const countries = ['DE', 'IT', ...commonCountries.filter((c) => c !== 'DE' && c !== 'IT')];

function useCountryOptions(extra: string[] = []) {
  const countryName = useCountryName();
  const codes = [...countries, ...extra.filter((c) => !countries.includes(c))];
  return codes.map((code) => ({ value: code, label: countryName(code) }));
}

/** One country (a filter), named in the UI language. */
export function CountrySelect({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder?: string;
  value: string | undefined;
  onChange: (country: string | undefined) => void;
}) {
  const options = useCountryOptions(value ? [value] : []);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={options}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Several countries (what a profile seeks), named in the UI language. */
export function CountryMultiSelect({
  label,
  description,
  placeholder,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  placeholder?: string;
  value: string[];
  onChange: (countries: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const options = useCountryOptions(value);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? placeholder : undefined}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('matching.form.noCountry')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
