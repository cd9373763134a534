import { Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactRating, type ContactStage, contactRatings } from '../../../../contracts/matching';
import type { Contact, TransitionContact } from '../../../../contracts/profiles';
import { fieldErrorsOf } from '../../lib/form-errors';
import { todayIsoDate } from '../../lib/format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useTransitionContact } from './contacts.api';
import { RecordSelect } from './record-select';

export type ContactMove = Exclude<ContactStage, 'interest'>;

/** Which dialog a move opens: a rated contact is rated again to change the rating or link what came of it. */
export function moveName(contact: Contact, to: ContactMove): ContactMove | 'update' {
  return to === 'rated' && contact.stage === 'rated' ? 'update' : to;
}

function TransitionForm({
  contact,
  to,
  onDone,
  onReload,
}: {
  contact: Contact;
  to: ContactMove;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const move = useTransitionContact(contact.id);
  const isFirstRating = to === 'rated' && contact.stage === 'meeting';
  const [note, setNote] = useState('');
  const [meetingOn, setMeetingOn] = useState(todayIsoDate());
  const [rating, setRating] = useState<ContactRating | null>(contact.rating);
  const [projectId, setProjectId] = useState<number | null>(contact.project?.id ?? null);
  const [grantId, setGrantId] = useState<number | null>(contact.grant?.id ?? null);
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(move.error);
  const problems: Record<string, string> = {};
  if (to === 'declined' && !note.trim()) problems.note = t('matching.contacts.noteMissing');
  if (to === 'meeting' && !meetingOn) problems.meetingOn = t('matching.contacts.meetingOnMissing');
  if (isFirstRating && !rating) problems.rating = t('matching.contacts.ratingMissing');
  const errorOf = (field: string) => (submitted ? problems[field] : undefined) ?? errors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const input: TransitionContact = { to, version: contact.version, note: note.trim() || null };
    if (to === 'meeting') input.meetingOn = meetingOn;
    if (to === 'rated') {
      if (rating && rating !== contact.rating) input.rating = rating;
      if (projectId !== (contact.project?.id ?? null)) input.projectId = projectId;
      if (grantId !== (contact.grant?.id ?? null)) input.grantId = grantId;
    }
    move.mutate(input, { onSuccess: onDone });
  };
  const name = moveName(contact, to);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert
          error={move.error}
          onReload={onReload}
          fields={['note', 'meetingOn', 'rating', 'projectId', 'grantId']}
        />
        <Text size="sm" c="dimmed">
          {t(`matching.contacts.moveHint.${name}`)}
        </Text>
        {to === 'meeting' ? (
          <TextInput
            label={t('matching.contacts.meetingOn')}
            type="date"
            required
            value={meetingOn}
            onChange={(event) => setMeetingOn(event.currentTarget.value)}
            error={errorOf('meetingOn')}
          />
        ) : null}
        {to === 'rated' ? (
          <>
            <Radio.Group
              label={t('matching.contacts.rating')}
              required={isFirstRating}
              value={rating}
              onChange={(value) => setRating(value as ContactRating)}
              error={errorOf('rating')}
            >
              <Stack gap="xs" mt="xs">
                {contactRatings.map((r) => (
                  <Radio key={r} value={r} label={t(`matching.rating.${r}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <RecordSelect
              kind="projects"
              label={t('matching.contacts.project')}
              value={projectId}
              known={contact.project}
              onChange={setProjectId}
              error={errorOf('projectId')}
            />
            <RecordSelect
              kind="grants"
              label={t('matching.contacts.grant')}
              value={grantId}
              known={contact.grant}
              onChange={setGrantId}
              error={errorOf('grantId')}
            />
          </>
        ) : null}
        <Textarea
          label={to === 'declined' ? t('matching.contacts.declineNote') : t('matching.contacts.note')}
          required={to === 'declined'}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errorOf('note')}
          data-autofocus={to === 'declined' || to === 'brokered' ? true : undefined}
        />
        <FormActions
          submitLabel={t(`matching.contacts.move.${name}`)}
          isPending={move.isPending}
          onCancel={onDone}
          color={to === 'declined' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}

/** The next step of a contact: broker, record the meeting, rate (and link a project or grant), decline. */
export function ContactTransitionModal({
  contact,
  to,
  onClose,
  onReload,
}: {
  contact: Contact;
  to: ContactMove | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={to !== null}
      onClose={onClose}
      title={to ? t(`matching.contacts.moveTitle.${moveName(contact, to)}`) : ''}
      size="lg"
    >
      {to ? (
        <TransitionForm
          key={`${contact.version}-${to}`}
          contact={contact}
          to={to}
          onDone={onClose}
          onReload={onReload}
        />
      ) : null}
    </Modal>
  );
}
