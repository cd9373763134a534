import { Grid, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../../../../contracts/accounts';
import { type OrganisationDetail, sizeClasses } from '../../../../contracts/organisations';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { changedFields, orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { VisibilitySelect } from '../../ui/visibility';
import { useNaceLabel } from './nace.api';
import { NaceMultiSelect } from './nace-select';
import type { SizeClass } from './organisation-search';
import { useUpdateOrganisation } from './organisations.api';

type Values = {
  name: string;
  shortName: string;
  type: OrganisationType;
  sizeClass: SizeClass | null;
  city: string;
  street: string;
  descriptionDe: string;
  descriptionEn: string;
  descriptionIt: string;
  competenceFields: string[];
  nace: string[];
  visibility: Visibility;
};

const formFields = [
  'name',
  'shortName',
  'type',
  'sizeClass',
  'city',
  'street',
  'description.de',
  'description.en',
  'description.it',
  'competenceFields',
  'nace',
  'visibility',
];
const noSizeClass = 'none';

function valuesOf(organisation: OrganisationDetail): Values {
  return {
    name: organisation.name,
    shortName: organisation.shortName ?? '',
    type: organisation.type,
    sizeClass: organisation.sizeClass,
    city: organisation.city ?? '',
    street: organisation.street ?? '',
    descriptionDe: organisation.description.de ?? '',
    descriptionEn: organisation.description.en ?? '',
    descriptionIt: organisation.description.it ?? '',
    competenceFields: organisation.competenceFields,
    // The primary code first: the API takes the first one as primary.
    nace: [...organisation.nace].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)).map((item) => item.code),
    visibility: organisation.visibility,
  };
}

/** The API's shape of the editable fields: empty inputs are null. */
function toInput(values: Values) {
  return {
    name: values.name.trim(),
    shortName: orNull(values.shortName),
    type: values.type,
    sizeClass: values.sizeClass,
    city: orNull(values.city),
    street: orNull(values.street),
    description: {
      de: orNull(values.descriptionDe),
      en: orNull(values.descriptionEn),
      it: orNull(values.descriptionIt),
    },
    competenceFields: values.competenceFields,
    nace: values.nace,
    visibility: values.visibility,
  };
}

function OrganisationForm({
  organisation,
  onDone,
  onReload,
}: {
  organisation: OrganisationDetail;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const naceLabel = useNaceLabel();
  const update = useUpdateOrganisation(organisation.id);
  const initial = valuesOf(organisation);
  const [values, set] = useFormState(initial);
  const errors = fieldErrorsOf(update.error);
  // The form's own checks speak up once someone tried to save.
  const [submitted, setSubmitted] = useState(false);
  const problems: Partial<Record<keyof Values, string>> = {
    name: values.name.trim().length < 2 ? t('organisationForm.nameMissing') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const error = (field: keyof Values, apiField: string = field) =>
    (submitted ? problems[field] : undefined) ?? errors[apiField];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems) return;
    const changes = changedFields(toInput(initial), toInput(values));
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ version: organisation.version, ...changes }, { onSuccess: onDone });
  };

  const descriptions = [
    { field: 'descriptionDe', language: 'de' },
    { field: 'descriptionEn', language: 'en' },
    { field: 'descriptionIt', language: 'it' },
  ] as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={update.error} onReload={onReload} fields={formFields} />
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('organisationForm.name')}
              required
              data-autofocus
              value={values.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={error('name')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('organisationForm.shortName')}
              value={values.shortName}
              onChange={(event) => set('shortName', event.currentTarget.value)}
              error={error('shortName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('organisationForm.type')}
              data={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
              value={values.type}
              onChange={(next) => next && set('type', next as OrganisationType)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={error('type')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('organisationForm.sizeClass')}
              description={t('organisationForm.sizeClassHint')}
              data={[
                { value: noSizeClass, label: t('organisationForm.noSizeClass') },
                ...sizeClasses.map((size) => ({ value: size, label: t(`sizeClass.${size}`) })),
              ]}
              value={values.sizeClass ?? noSizeClass}
              onChange={(next) => set('sizeClass', !next || next === noSizeClass ? null : (next as SizeClass))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={error('sizeClass')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <VisibilitySelect
              value={values.visibility}
              onChange={(v) => set('visibility', v)}
              error={error('visibility')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('organisationForm.street')}
              value={values.street}
              onChange={(event) => set('street', event.currentTarget.value)}
              error={error('street')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('organisationForm.city')}
              value={values.city}
              onChange={(event) => set('city', event.currentTarget.value)}
              error={error('city')}
            />
          </Grid.Col>
        </Grid>
        {descriptions.map(({ field, language }) => (
          <Textarea
            key={field}
            label={t('organisationForm.description', { language: t(`organisation.descriptionLanguage.${language}`) })}
            lang={language}
            autosize
            minRows={2}
            maxRows={8}
            value={values[field]}
            onChange={(event) => set(field, event.currentTarget.value)}
            error={error(field, `description.${language}`)}
          />
        ))}
        <TagsInput
          label={t('organisationForm.competenceFields')}
          description={t('organisationForm.competenceFieldsHint')}
          value={values.competenceFields}
          onChange={(next) => set('competenceFields', next)}
          maxTags={30}
          clearable
          error={error('competenceFields')}
        />
        <NaceMultiSelect
          value={values.nace}
          known={organisation.nace.map((item) => ({ value: item.code, label: naceLabel(item.code, item.labels) }))}
          onChange={(codes) => set('nace', codes)}
          error={error('nace')}
        />
        <FormActions submitLabel={t('common.save')} isPending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Edits an organisation's profile; `onReload` fetches the current version after a conflict. */
export function OrganisationFormModal({
  opened,
  organisation,
  onClose,
  onReload,
}: {
  opened: boolean;
  organisation: OrganisationDetail;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('organisationForm.title')} size="xl">
      <OrganisationForm
        key={`v${organisation.version}`}
        organisation={organisation}
        onDone={onClose}
        onReload={onReload}
      />
    </Modal>
  );
}
