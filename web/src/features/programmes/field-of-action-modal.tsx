import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { useCreateFieldOfAction } from './programmes.api';

function FieldOfActionForm({ programme, onDone }: { programme: ProgrammeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateFieldOfAction(programme.id);
  const nextPosition = Math.max(0, ...programme.fieldsOfAction.map((field) => field.position)) + 1;
  const [name, setName] = useState('');
  const [position, setPosition] = useState<number>(nextPosition);
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), position }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={create.error} fields={['name', 'position']} />
        <TextInput
          label={t('fieldOfActionForm.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={submitted && !name.trim() ? t('fieldOfActionForm.nameMissing') : errors.name}
        />
        <NumberInput
          label={t('fieldOfActionForm.position')}
          description={t('fieldOfActionForm.positionHint')}
          min={0}
          max={10_000}
          allowDecimal={false}
          value={position}
          onChange={(value) => setPosition(typeof value === 'number' ? value : nextPosition)}
          error={errors.position}
          w={200}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('fieldOfActionForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FieldOfActionModal({
  opened,
  programme,
  onClose,
}: {
  opened: boolean;
  programme: ProgrammeDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('fieldOfActionForm.title', { programme: programme.name })}>
      <FieldOfActionForm programme={programme} onDone={onClose} />
    </Modal>
  );
}
