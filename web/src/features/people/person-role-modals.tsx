import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRole } from '../../../../contracts/people';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { FormActions } from '../../ui/form-actions';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useAddPersonRole, useEndPersonRole } from './people.api';

const formFields = ['organisationId', 'title', 'from', 'until'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function AddRoleForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddPersonRole(personId);
  const [values, set] = useFormState({
    organisationId: undefined as number | undefined,
    title: '',
    from: '',
    until: '',
  });
  const errors = fieldErrorsOf(add.error);
  const [submitted, setSubmitted] = useState(false);
  const problems: Partial<Record<string, string>> = {
    organisationId: values.organisationId === undefined ? t('roleForm.organisationMissing') : undefined,
    title: values.title.trim().length < 2 ? t('roleForm.titleMissing') : undefined,
    until: values.from && values.until && values.until < values.from ? t('form.endBeforeStart') : undefined,
  };
  const error = (field: string) => (submitted ? problems[field] : undefined) ?? errors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean) || values.organisationId === undefined) return;
    add.mutate(
      {
        organisationId: values.organisationId,
        title: values.title.trim(),
        from: values.from || null,
        until: values.until || null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={add.error} fields={formFields} />
        <OrganisationSelect
          label={t('roleForm.organisation')}
          value={values.organisationId}
          onChange={(id) => set('organisationId', id)}
          required
          error={error('organisationId')}
        />
        <TextInput
          label={t('roleForm.title')}
          description={t('roleForm.titleHint')}
          required
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={error('title')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('roleForm.from')}
            type="date"
            value={values.from}
            onChange={(event) => set('from', event.currentTarget.value)}
            error={error('from')}
          />
          <TextInput
            label={t('roleForm.until')}
            type="date"
            value={values.until}
            onChange={(event) => set('until', event.currentTarget.value)}
            error={error('until')}
          />
        </SimpleGrid>
        <FormActions submitLabel={t('roleForm.create')} isPending={add.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Records a new dated role of a person at an organisation. */
export function AddRoleModal({
  opened,
  personId,
  onClose,
}: {
  opened: boolean;
  personId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('roleForm.createTitle')} size="lg">
      {opened ? <AddRoleForm personId={personId} onDone={onClose} /> : null}
    </Modal>
  );
}

/** Ends a role on a date (today unless changed); the role stays in the history. */
export function EndRoleModal({ role, onClose }: { role: PersonRole | null; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useEndPersonRole();
  const [until, setUntil] = useState(today);
  const close = () => {
    end.reset();
    setUntil(today());
    onClose();
  };
  const isBeforeStart = Boolean(role?.from && until && until < role.from);
  return (
    <ConfirmModal
      opened={role !== null}
      title={t('roleForm.endTitle')}
      confirmLabel={t('roleForm.end')}
      isPending={end.isPending}
      error={<ApiErrorAlert error={end.error} fields={['until']} />}
      onConfirm={() => {
        if (role && until && !isBeforeStart) end.mutate({ roleId: role.id, until }, { onSuccess: close });
      }}
      onClose={close}
    >
      <Stack gap="sm">
        <TextInput
          label={t('roleForm.until')}
          description={role ? `${role.title}, ${role.organisationName}` : undefined}
          type="date"
          required
          value={until}
          onChange={(event) => setUntil(event.currentTarget.value)}
          error={isBeforeStart ? t('form.endBeforeStart') : fieldErrorsOf(end.error).until}
        />
      </Stack>
    </ConfirmModal>
  );
}
