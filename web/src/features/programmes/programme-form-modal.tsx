import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../../../../contracts/accounts';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { changedFields, orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { VisibilitySelect } from '../../ui/visibility';
import { useCreateProgramme, useUpdateProgramme } from './programmes.api';

type Values = {
  slug: string;
  name: string;
  owner: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  visibility: Visibility;
};

const formFields = ['slug', 'name', 'owner', 'description', 'periodStart', 'periodEnd', 'visibility'];
const slugPattern = /^[a-z0-9-]{2,80}$/;

function valuesOf(programme: ProgrammeDetail | undefined): Values {
  return {
    slug: programme?.slug ?? '',
    name: programme?.name ?? '',
    owner: programme?.owner ?? '',
    description: programme?.description ?? '',
    periodStart: programme?.periodStart ?? '',
    periodEnd: programme?.periodEnd ?? '',
    visibility: programme?.visibility ?? 'public',
  };
}

/** The API's shape of the form's values: empty inputs are null. */
function toInput(values: Values) {
  return {
    name: values.name.trim(),
    owner: orNull(values.owner),
    description: orNull(values.description),
    periodStart: values.periodStart || null,
    periodEnd: values.periodEnd || null,
    visibility: values.visibility,
  };
}

/** "ruhr-konferenz" from "Ruhr-Konferenz": a suggestion for the address of a new programme. */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function ProgrammeForm({
  programme,
  onDone,
  onReload,
}: {
  programme?: ProgrammeDetail;
  onDone: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? 0);
  const mutation = programme ? update : create;
  const initial = valuesOf(programme);
  const [values, set] = useFormState(initial);
  const errors = fieldErrorsOf(mutation.error);
  // The form's own checks speak up once someone tried to save.
  const [submitted, setSubmitted] = useState(false);
  const problems = {
    slug: !programme && !slugPattern.test(values.slug) ? t('programmeForm.slugInvalid') : undefined,
    name: !values.name.trim() ? t('programmeForm.nameMissing') : undefined,
    periodEnd:
      values.periodStart && values.periodEnd && values.periodEnd < values.periodStart
        ? t('form.endBeforeStart')
        : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const error = (field: keyof Values) =>
    (submitted ? problems[field as keyof typeof problems] : undefined) ?? errors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems) return;
    if (programme) {
      const changes = changedFields(toInput(initial), toInput(values));
      if (Object.keys(changes).length === 0) return onDone();
      update.mutate({ version: programme.version, ...changes }, { onSuccess: onDone });
    } else {
      create.mutate(
        { slug: values.slug, ...toInput(values) },
        {
          onSuccess: (created) => {
            onDone();
            void navigate({ to: '/programmes/$programmeId', params: { programmeId: String(created.id) } });
          },
        },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={mutation.error} onReload={onReload} fields={formFields} />
        <TextInput
          label={t('programmeForm.name')}
          required
          data-autofocus
          value={values.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            // Suggest the address from the name until someone edits it.
            if (!programme && values.slug === slugify(values.name)) set('slug', slugify(name));
            set('name', name);
          }}
          error={error('name')}
        />
        {programme ? null : (
          <TextInput
            label={t('programmeForm.slug')}
            description={t('programmeForm.slugHint')}
            required
            value={values.slug}
            onChange={(event) => set('slug', event.currentTarget.value)}
            error={error('slug')}
          />
        )}
        <TextInput
          label={t('programmes.owner')}
          value={values.owner}
          onChange={(event) => set('owner', event.currentTarget.value)}
          error={error('owner')}
        />
        <Textarea
          label={t('programmeForm.description')}
          autosize
          minRows={3}
          maxRows={10}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={error('description')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('programmeForm.periodStart')}
            type="date"
            value={values.periodStart}
            onChange={(event) => set('periodStart', event.currentTarget.value)}
            error={error('periodStart')}
          />
          <TextInput
            label={t('programmeForm.periodEnd')}
            type="date"
            value={values.periodEnd}
            onChange={(event) => set('periodEnd', event.currentTarget.value)}
            error={error('periodEnd')}
          />
        </SimpleGrid>
        <VisibilitySelect
          value={values.visibility}
          onChange={(v) => set('visibility', v)}
          error={error('visibility')}
        />
        <FormActions
          submitLabel={programme ? t('common.save') : t('programmeForm.create')}
          isPending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Creates a programme (no `programme`) or edits one; `onReload` fetches the current version after a conflict. */
export function ProgrammeFormModal({
  opened,
  programme,
  onClose,
  onReload,
}: {
  opened: boolean;
  programme?: ProgrammeDetail;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={programme ? t('programmeForm.editTitle') : t('programmeForm.createTitle')}
      size="lg"
    >
      {/* A new version (after saving or reloading) starts the form afresh from the current data. */}
      <ProgrammeForm key={programme?.version ?? 'new'} programme={programme} onDone={onClose} onReload={onReload} />
    </Modal>
  );
}
