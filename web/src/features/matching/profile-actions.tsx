import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileDetail } from '../../../../contracts/profiles';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { ButtonLink } from '../../ui/links';
import { useMe } from '../accounts/accounts.api';
import { InterestModal } from './interest-modal';
import { ownOrganisationIds, speaksForSome } from './matching-permissions';
import { type ProfileStepName, useProfileStep } from './profiles.api';
import { type ReviewDecision, ReviewModal } from './review-modal';

/** Asks before a step of the author: submit, withdraw (final), renew. */
function StepModal({
  profile,
  step,
  onClose,
  onReload,
}: {
  profile: ProfileDetail;
  step: ProfileStepName | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const move = useProfileStep(profile.id);
  const close = () => {
    move.reset();
    onClose();
  };
  return (
    <Modal opened={step !== null} onClose={close} title={step ? t(`matching.steps.${step}Title`) : ''} centered>
      {step ? (
        <Stack gap="md">
          <ApiErrorAlert error={move.error} onReload={onReload} />
          <Text size="sm">{t(`matching.steps.${step}Text`, { date: format.date(profile.expiresOn) })}</Text>
          <FormActions
            submitLabel={t(`matching.steps.${step}`)}
            isPending={move.isPending}
            onCancel={close}
            onConfirm={() => move.mutate({ step, version: profile.version }, { onSuccess: close })}
            color={step === 'withdraw' ? 'red' : undefined}
          />
        </Stack>
      ) : null}
    </Modal>
  );
}

/**
 * What the reader may do with a profile now, as the server says (`allowedActions`): the author edits,
 * submits, renews and withdraws; the agency publishes or rejects; others express interest.
 */
export function ProfileActions({ profile, onReload }: { profile: ProfileDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [step, setStep] = useState<ProfileStepName | null>(null);
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [interest, setInterest] = useState(false);
  const can = (action: ProfileDetail['allowedActions'][number]) => profile.allowedActions.includes(action);
  const isAuthor = can('edit') || can('withdraw');
  const isOwn = profile.organisation !== null && ownOrganisationIds(me).includes(profile.organisation.id);
  const canExpress = speaksForSome(me) && !isAuthor && !isOwn && profile.status === 'published' && !profile.isExpired;
  return (
    <Group gap="sm">
      {can('edit') ? (
        <ButtonLink
          to="/matching/profiles/$profileId/edit"
          params={{ profileId: String(profile.id) }}
          variant="default"
        >
          {t('common.edit')}
        </ButtonLink>
      ) : null}
      {can('renew') ? (
        <Button variant="default" onClick={() => setStep('renew')}>
          {t('matching.steps.renew')}
        </Button>
      ) : null}
      {can('withdraw') ? (
        <Button variant="default" color="red" onClick={() => setStep('withdraw')}>
          {t('matching.steps.withdraw')}
        </Button>
      ) : null}
      {can('submit') ? <Button onClick={() => setStep('submit')}>{t('matching.steps.submit')}</Button> : null}
      {can('review') ? (
        <>
          <Button variant="default" color="red" onClick={() => setDecision('reject')}>
            {t('matching.review.reject')}
          </Button>
          <Button onClick={() => setDecision('publish')}>{t('matching.review.publish')}</Button>
        </>
      ) : null}
      {canExpress ? <Button onClick={() => setInterest(true)}>{t('matching.interest.button')}</Button> : null}
      {me === null && profile.status === 'published' && !profile.isExpired ? (
        <Text size="sm" c="dimmed">
          {t('matching.interest.signIn')}
        </Text>
      ) : null}
      <StepModal profile={profile} step={step} onClose={() => setStep(null)} onReload={onReload} />
      <ReviewModal profile={profile} decision={decision} onClose={() => setDecision(null)} />
      {canExpress ? (
        <InterestModal
          opened={interest}
          target={{ profileId: profile.id }}
          title={profile.title}
          onClose={() => setInterest(false)}
        />
      ) : null}
    </Group>
  );
}
