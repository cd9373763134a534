import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useReviewProfile } from './profiles.api';

export type ReviewDecision = 'publish' | 'reject';

function ReviewForm({
  profile,
  decision,
  onDone,
}: {
  profile: { id: number; title: string; version?: number };
  decision: ReviewDecision;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewProfile(profile.id);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(review.error);
  const isNoteMissing = decision === 'reject' && !note.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (isNoteMissing) return;
    review.mutate({ decision, note: note.trim() || null, version: profile.version }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={review.error} fields={['note']} />
        <Text size="sm" fw={600}>
          {profile.title}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`matching.review.${decision}Hint`)}
        </Text>
        <Textarea
          label={t('matching.review.note')}
          description={t('matching.review.noteHint')}
          required={decision === 'reject'}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={submitted && isNoteMissing ? t('matching.review.noteMissing') : errors.note}
          data-autofocus
        />
        <FormActions
          submitLabel={t(`matching.review.${decision}`)}
          isPending={review.isPending}
          onCancel={onDone}
          color={decision === 'reject' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}

/** The agency's decision on a submitted profile: publish it, or reject it with a note for the author. */
export function ReviewModal({
  profile,
  decision,
  onClose,
}: {
  profile: { id: number; title: string; version?: number };
  decision: ReviewDecision | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={decision !== null}
      onClose={onClose}
      title={decision ? t(`matching.review.${decision}Title`) : ''}
      size="lg"
    >
      {decision ? <ReviewForm key={decision} profile={profile} decision={decision} onDone={onClose} /> : null}
    </Modal>
  );
}
