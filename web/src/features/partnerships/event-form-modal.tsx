import { Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datePrecisionSchema, partnershipEventKinds } from '../../../../contracts/partnerships';
import { fieldErrorsOf } from '../../lib/form-errors';
import { orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { type ParticipantDraft, ParticipantsInput } from './participants-input';
import { type CreatePartnershipEvent, useCreatePartnershipEvent } from './partnerships.api';

type Kind = CreatePartnershipEvent['kind'];
type Precision = NonNullable<CreatePartnershipEvent['datePrecision']>;

const initial = {
  kind: 'delegation_visit' as Kind,
  title: '',
  date: '',
  datePrecision: 'day' as Precision,
  places: [] as string[],
  participants: [] as ParticipantDraft[],
  topics: [] as string[],
  followUps: [] as string[],
};

function EventForm({ partnershipId, onDone }: { partnershipId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePartnershipEvent(partnershipId);
  const [values, set] = useFormState(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(create.error);
  const isTitleShort = values.title.trim().length < 3;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (isTitleShort) return;
    create.mutate(
      {
        ...values,
        title: values.title.trim(),
        date: orNull(values.date),
        participants: values.participants
          .filter((p) => p.name.trim() || p.personId)
          .map((p) => ({ personId: p.personId ?? null, name: p.name.trim(), role: orNull(p.role) })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={create.error} fields={['kind', 'title', 'date', 'datePrecision']} />
        <Select
          label={t('partnerships.eventForm.kind')}
          required
          data={partnershipEventKinds.map((kind) => ({ value: kind, label: t(`partnerships.eventKind.${kind}`) }))}
          value={values.kind}
          onChange={(next) => set('kind', (next as Kind | null) ?? values.kind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={errors.kind}
        />
        <TextInput
          label={t('partnerships.eventForm.title')}
          required
          data-autofocus
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={submitted && isTitleShort ? t('partnerships.eventForm.titleMissing') : errors.title}
        />
        <Group gap="md" align="flex-start">
          <TextInput
            label={t('partnerships.eventForm.date')}
            description={t('partnerships.eventForm.dateHint')}
            type="date"
            value={values.date}
            onChange={(event) => set('date', event.currentTarget.value)}
            error={errors.date}
            w={220}
          />
          <Select
            label={t('partnerships.eventForm.precision')}
            data={datePrecisionSchema.options.map((p) => ({ value: p, label: t(`partnerships.precision.${p}`) }))}
            value={values.datePrecision}
            onChange={(next) => set('datePrecision', (next as Precision | null) ?? 'day')}
            allowDeselect={false}
            disabled={!values.date}
            comboboxProps={{ withinPortal: true }}
            w={220}
          />
        </Group>
        <TagsInput
          label={t('partnerships.places')}
          description={t('partnerships.eventForm.listHint')}
          value={values.places}
          onChange={(next) => set('places', next)}
          error={errors.places}
        />
        <ParticipantsInput
          value={values.participants}
          onChange={(next) => set('participants', next)}
          errorOf={(index) => errors[`participants.${index}.name`]}
        />
        <TagsInput
          label={t('partnerships.topics')}
          description={t('partnerships.eventForm.listHint')}
          value={values.topics}
          onChange={(next) => set('topics', next)}
          error={errors.topics}
        />
        <TagsInput
          label={t('partnerships.followUps')}
          description={t('partnerships.eventForm.listHint')}
          value={values.followUps}
          onChange={(next) => set('followUps', next)}
          error={errors.followUps}
        />
        <FormActions submitLabel={t('partnerships.eventForm.submit')} isPending={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Records an event of the partnership (a delegation visit, talks, a meeting). */
export function EventFormModal({
  opened,
  partnershipId,
  onClose,
}: {
  opened: boolean;
  partnershipId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('partnerships.addEvent')} size="xl">
      <EventForm partnershipId={partnershipId} onDone={onClose} />
    </Modal>
  );
}
