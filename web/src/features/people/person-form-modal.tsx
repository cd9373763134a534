import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../../../../contracts/accounts';
import type { PersonDetail } from '../../../../contracts/people';
import { fieldErrorsOf } from '../../lib/form-errors';
import { changedFields, orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { VisibilitySelect } from '../../ui/visibility';
import { useCreatePerson, useUpdatePerson } from './people.api';

type Values = {
  name: string;
  honorific: string;
  email: string;
  phone: string;
  contactVisibility: Visibility;
  visibility: Visibility;
};

const formFields = ['name', 'honorific', 'email', 'phone', 'contactVisibility', 'visibility'];

function valuesOf(person: PersonDetail | undefined): Values {
  return {
    name: person?.name ?? '',
    honorific: person?.honorific ?? '',
    email: person?.contact?.email ?? '',
    phone: person?.contact?.phone ?? '',
    contactVisibility: person?.contact?.visibility ?? 'internal',
    visibility: person?.visibility ?? 'public',
  };
}

/** The API's shape of the form's values: empty inputs are null. */
function toInput(values: Values) {
  return {
    name: values.name.trim(),
    honorific: orNull(values.honorific),
    email: orNull(values.email),
    phone: orNull(values.phone),
    contactVisibility: values.contactVisibility,
    visibility: values.visibility,
  };
}

function PersonForm({
  person,
  onDone,
  onReload,
}: {
  person?: PersonDetail;
  onDone: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? 0);
  const mutation = person ? update : create;
  const initial = valuesOf(person);
  const [values, set] = useFormState(initial);
  const errors = fieldErrorsOf(mutation.error);
  const [submitted, setSubmitted] = useState(false);
  const problems: Partial<Record<keyof Values, string>> = {
    name: values.name.trim().length < 2 ? t('personForm.nameMissing') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const error = (field: keyof Values) => (submitted ? problems[field] : undefined) ?? errors[field];
  // Contact details the caller may not see are not in the form; don't overwrite them with blanks.
  const contactHidden = person !== undefined && person.contact === null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems) return;
    if (person) {
      const changes = changedFields(toInput(initial), toInput(values));
      if (Object.keys(changes).length === 0) return onDone();
      update.mutate({ version: person.version, ...changes }, { onSuccess: onDone });
    } else {
      create.mutate(toInput(values), {
        onSuccess: (created) => {
          onDone();
          void navigate({ to: '/people/$personId', params: { personId: String(created.id) } });
        },
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={mutation.error} onReload={onReload} fields={formFields} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ alignItems: 'end' }}>
          <TextInput
            label={t('personForm.name')}
            required
            data-autofocus
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={error('name')}
          />
          <TextInput
            label={t('personForm.honorific')}
            description={t('personForm.honorificHint')}
            value={values.honorific}
            onChange={(event) => set('honorific', event.currentTarget.value)}
            error={error('honorific')}
          />
          {contactHidden ? null : (
            <>
              <TextInput
                label={t('personForm.email')}
                type="email"
                value={values.email}
                onChange={(event) => set('email', event.currentTarget.value)}
                error={error('email')}
              />
              <TextInput
                label={t('personForm.phone')}
                type="tel"
                value={values.phone}
                onChange={(event) => set('phone', event.currentTarget.value)}
                error={error('phone')}
              />
              <VisibilitySelect
                label={t('personForm.contactVisibility')}
                value={values.contactVisibility}
                onChange={(v) => set('contactVisibility', v)}
                error={error('contactVisibility')}
              />
            </>
          )}
          <VisibilitySelect
            value={values.visibility}
            onChange={(v) => set('visibility', v)}
            error={error('visibility')}
          />
        </SimpleGrid>
        <FormActions
          submitLabel={person ? t('common.save') : t('personForm.create')}
          isPending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Creates a person (no `person`) or edits one; `onReload` fetches the current version after a conflict. */
export function PersonFormModal({
  opened,
  person,
  onClose,
  onReload,
}: {
  opened: boolean;
  person?: PersonDetail;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? t('personForm.editTitle') : t('personForm.createTitle')}
      size="lg"
    >
      {opened ? (
        <PersonForm key={person ? `v${person.version}` : 'new'} person={person} onDone={onClose} onReload={onReload} />
      ) : null}
    </Modal>
  );
}
