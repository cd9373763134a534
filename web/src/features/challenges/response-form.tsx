import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeDetail, ChallengeResponse } from '../../../../contracts/challenges';
import { ApiError, hasErrorCode } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useMe } from '../accounts/accounts.api';
import { useRespondToChallenge } from './challenges.api';
import { OwnOrganisationSelect, speaksForEveryOrganisation, spokenForOrganisationIds } from './own-organisations';

/**
 * Why the API refused a response, in the visitor's language: read from the error's code and
 * details (never its German message). Null for errors the generic alert explains.
 */
export function useRefusalText(): (error: unknown, challenge: ChallengeDetail) => string | null {
  const { t } = useTranslation();
  const format = useFormat();
  return (error, challenge) => {
    if (!(error instanceof ApiError)) return null;
    const details = (error.details ?? {}) as { deadline?: unknown; responseId?: unknown };
    if (hasErrorCode(error, 'conflict')) {
      if (typeof details.deadline === 'string')
        return t('challenges.respond.deadlinePassed', { date: format.date(details.deadline) });
      if (details.responseId !== undefined) return t('challenges.respond.alreadyAnswered');
      return t('challenges.respond.closed');
    }
    if (hasErrorCode(error, 'forbidden')) {
      return challenge.visibility === 'invite_only'
        ? t('challenges.respond.notInvited')
        : t('challenges.respond.notYourOrganisation');
    }
    return null;
  };
}

function ResponseForm({
  challenge,
  answered,
  onCancel,
  onSubmitted,
}: {
  challenge: ChallengeDetail;
  /** Organisations of the reader that already answered. */
  answered: number[];
  onCancel: () => void;
  onSubmitted: (response: ChallengeResponse) => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const respond = useRespondToChallenge(challenge.id);
  const refusal = useRefusalText()(respond.error, challenge);
  const exclude = [challenge.organisation.id, ...answered];
  const own = spokenForOrganisationIds(me).filter((id) => !exclude.includes(id));
  const [organisationId, setOrganisationId] = useState<number | undefined>(
    !speaksForEveryOrganisation(me) && own.length === 1 ? own[0] : undefined,
  );
  const [summary, setSummary] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(respond.error);

  const send = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (organisationId === undefined || !summary.trim()) return;
    respond.mutate({ organisationId, summary: summary.trim() }, { onSuccess: onSubmitted });
  };

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        {refusal ? (
          <Alert color="red" title={t('challenges.respond.refused')} role="alert">
            <Text size="sm">{refusal}</Text>
          </Alert>
        ) : (
          <ApiErrorAlert error={respond.error} fields={['organisationId', 'summary']} />
        )}
        <OwnOrganisationSelect
          label={t('challenges.respond.organisation')}
          description={t('challenges.respond.organisationHint')}
          value={organisationId}
          onChange={setOrganisationId}
          exclude={exclude}
          error={
            errors.organisationId ??
            (submitted && organisationId === undefined ? t('challenges.respond.organisationMissing') : undefined)
          }
        />
        <Textarea
          label={t('challenges.respond.summary')}
          description={t('challenges.respond.summaryHint')}
          required
          data-autofocus
          autosize
          minRows={6}
          maxRows={16}
          maxLength={5000}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.summary ?? (submitted && !summary.trim() ? t('challenges.respond.summaryMissing') : undefined)}
        />
        <FormActions submitLabel={t('challenges.respond.submit')} isPending={respond.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** "Lösung einreichen": the organisation that answers and what it offers. */
export function ResponseFormModal({
  opened,
  challenge,
  answered,
  onClose,
  onSubmitted,
}: {
  opened: boolean;
  challenge: ChallengeDetail;
  answered: number[];
  onClose: () => void;
  onSubmitted: (response: ChallengeResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('challenges.respond.title')} size="lg" centered>
      {opened ? (
        <ResponseForm challenge={challenge} answered={answered} onCancel={onClose} onSubmitted={onSubmitted} />
      ) : null}
    </Modal>
  );
}
