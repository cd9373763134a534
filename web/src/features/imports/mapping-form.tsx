import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type GrantImportField,
  type GrantImportMappingInput,
  grantImportFields,
  requiredGrantImportFields,
} from '../../../../contracts/grant-import';

export type MappingDraft = {
  columns: Partial<Record<GrantImportField, string>>;
  defaults: { programme?: string; funder?: string };
  amountFormat: 'auto' | 'de' | 'plain';
};

/** The mapping as the API takes it: empty defaults left out. */
export function toMapping(draft: MappingDraft): GrantImportMappingInput {
  const defaults = Object.fromEntries(Object.entries(draft.defaults).filter(([, v]) => v?.trim()));
  return { columns: draft.columns, defaults, amountFormat: draft.amountFormat };
}

/** One select per field over the file's headers (prefilled with the suggestion), plus file-wide defaults. */
export function MappingForm({
  headers,
  value,
  onChange,
  errors,
}: {
  headers: string[];
  value: MappingDraft;
  onChange: (next: MappingDraft) => void;
  /** Problems of the mapping as the API named them (`mapping.columns.amount` → reason). */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const options = headers.map((h) => ({ value: h, label: h }));
  const errorOf = (field: GrantImportField) =>
    errors[`mapping.columns.${field}`] ?? errors[`body.mapping.columns.${field}`];
  const setColumn = (field: GrantImportField, header: string | null) => {
    const columns = { ...value.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    onChange({ ...value, columns });
  };
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {grantImportFields.map((field) => (
          <Select
            key={field}
            label={t(`grantImport.fields.${field}`)}
            description={t(`grantImport.hints.${field}`)}
            placeholder={t('grantImport.noColumn')}
            data={options}
            value={value.columns[field] ?? null}
            onChange={(header) => setColumn(field, header)}
            clearable
            searchable
            withAsterisk={requiredGrantImportFields.includes(field) && field !== 'programme' && field !== 'funder'}
            error={errorOf(field)}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t('grantImport.defaultProgramme')}
          description={t('grantImport.defaultHint')}
          value={value.defaults.programme ?? ''}
          onChange={(e) => onChange({ ...value, defaults: { ...value.defaults, programme: e.currentTarget.value } })}
        />
        <TextInput
          label={t('grantImport.defaultFunder')}
          description={t('grantImport.defaultHint')}
          value={value.defaults.funder ?? ''}
          onChange={(e) => onChange({ ...value, defaults: { ...value.defaults, funder: e.currentTarget.value } })}
        />
        <Select
          label={t('grantImport.amountFormat')}
          description={t('grantImport.amountFormatHint')}
          data={(['auto', 'de', 'plain'] as const).map((f) => ({
            value: f,
            label: t(`grantImport.amountFormats.${f}`),
          }))}
          value={value.amountFormat}
          onChange={(f) => onChange({ ...value, amountFormat: (f as MappingDraft['amountFormat']) ?? 'auto' })}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Stack>
  );
}
