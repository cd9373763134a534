import { Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { hasErrorCode } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/form-errors';
import { changedFields } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { type FieldOfAction, useCreateFieldOfAction, useUpdateFieldOfAction } from './programmes.api';

function FieldOfActionForm({
  programme,
  field,
  onDone,
}: {
  programme: ProgrammeDetail;
  field?: FieldOfAction;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateFieldOfAction(programme.id);
  const update = useUpdateFieldOfAction();
  const mutation = field ? update : create;
  const nextPosition = Math.max(0, ...programme.fieldsOfAction.map((f) => f.position)) + 1;
  const initialPosition = field?.position ?? nextPosition;
  const [name, setName] = useState(field?.name ?? '');
  const [position, setPosition] = useState<number>(initialPosition);
  const [submitted, setSubmitted] = useState(false);
  // A name the programme already has: the database refuses it with 409, said at the name.
  const isNameTaken = hasErrorCode(mutation.error, 'conflict');
  const errors = fieldErrorsOf(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    const values = { name: name.trim(), position };
    if (!field) return create.mutate(values, { onSuccess: onDone });
    const changes = changedFields({ name: field.name, position: field.position }, values);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: field.id, ...changes }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={isNameTaken ? null : mutation.error} fields={['name', 'position']} />
        <TextInput
          label={t('fieldOfActionForm.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={
            submitted && !name.trim()
              ? t('fieldOfActionForm.nameMissing')
              : isNameTaken
                ? t('fieldOfActionForm.nameTaken')
                : errors.name
          }
        />
        <NumberInput
          label={t('fieldOfActionForm.position')}
          description={t('fieldOfActionForm.positionHint')}
          min={0}
          max={10_000}
          allowDecimal={false}
          value={position}
          onChange={(value) => setPosition(typeof value === 'number' ? value : initialPosition)}
          error={errors.position}
          w={200}
        />
        <FormActions
          submitLabel={field ? t('common.save') : t('fieldOfActionForm.create')}
          isPending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Adds a field of action to a programme, or (with `field`) renames or moves one. */
export function FieldOfActionModal({
  opened,
  programme,
  field,
  onClose,
}: {
  opened: boolean;
  programme: ProgrammeDetail;
  field?: FieldOfAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        field
          ? t('fieldOfActionForm.editTitle', { programme: programme.name })
          : t('fieldOfActionForm.title', { programme: programme.name })
      }
    >
      {/* Remounted per field, so the form starts from its current name and position. */}
      <FieldOfActionForm key={field?.id ?? 'new'} programme={programme} field={field} onDone={onClose} />
    </Modal>
  );
}
