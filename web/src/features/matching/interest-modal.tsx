import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../contracts/profiles';
import { hasErrorCode } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { AnchorLink } from '../../ui/links';
import { useMe } from '../accounts/accounts.api';
import { useCreateContact } from './contacts.api';
import { ownOrganisationIds } from './matching-permissions';
import { OwnOrganisationSelect } from './own-organisation-select';

const shownFields = ['fromOrganisationId', 'cooperation', 'unclear', 'about', 'profileId', 'toOrganisationId'];

function InterestForm({
  target,
  onDone,
  onSent,
}: {
  target: { profileId: number } | { toOrganisationId: number };
  onDone: () => void;
  onSent: (contact: ContactDetail) => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const create = useCreateContact();
  const [fromOrganisationId, setFrom] = useState<number | undefined>(ownOrganisationIds(me)[0]);
  const [cooperation, setCooperation] = useState('');
  const [unclear, setUnclear] = useState('');
  const [about, setAbout] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(create.error);
  const missing = (value: string | number | undefined) =>
    submitted && (value === undefined || (typeof value === 'string' && !value.trim()));
  const send = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (fromOrganisationId === undefined || !cooperation.trim() || !about.trim()) return;
    create.mutate(
      {
        fromOrganisationId,
        ...target,
        cooperation: cooperation.trim(),
        unclear: unclear.trim() || null,
        about: about.trim(),
      },
      { onSuccess: onSent },
    );
  };
  const isDuplicate = hasErrorCode(create.error, 'conflict');
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        {isDuplicate ? (
          <Alert color="orange" title={t('matching.interest.duplicateTitle')} role="alert">
            <Text size="sm">
              {t('matching.interest.duplicateText')}{' '}
              <AnchorLink to="/matching/contacts" size="sm">
                {t('matching.interest.toContacts')}
              </AnchorLink>
            </Text>
          </Alert>
        ) : (
          <ApiErrorAlert error={create.error} fields={shownFields} />
        )}
        <Text size="sm" c="dimmed">
          {t('matching.interest.intro')}
        </Text>
        <OwnOrganisationSelect
          label={t('matching.interest.from')}
          value={fromOrganisationId}
          onChange={setFrom}
          required
          error={missing(fromOrganisationId) ? t('matching.interest.fromMissing') : errors.fromOrganisationId}
        />
        <Textarea
          label={t('matching.interest.cooperation')}
          description={t('matching.interest.cooperationHint')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={4000}
          value={cooperation}
          onChange={(event) => setCooperation(event.currentTarget.value)}
          error={missing(cooperation) ? t('matching.interest.cooperationMissing') : errors.cooperation}
          data-autofocus
        />
        <Textarea
          label={t('matching.interest.unclear')}
          description={t('matching.interest.unclearHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={4000}
          value={unclear}
          onChange={(event) => setUnclear(event.currentTarget.value)}
          error={errors.unclear}
        />
        <Textarea
          label={t('matching.interest.about')}
          description={t('matching.interest.aboutHint')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={4000}
          value={about}
          onChange={(event) => setAbout(event.currentTarget.value)}
          error={missing(about) ? t('matching.interest.aboutMissing') : errors.about}
        />
        <FormActions submitLabel={t('matching.interest.send')} isPending={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/**
 * "Interesse bekunden": what cooperation, what is unclear, who we are — sent to the agency, which
 * brokers the contact. Afterwards the dialog says what happens next.
 */
export function InterestModal({
  opened,
  target,
  title,
  onClose,
}: {
  opened: boolean;
  target: { profileId: number } | { toOrganisationId: number };
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<ContactDetail | null>(null);
  const close = () => {
    setSent(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('matching.interest.title', { title })} size="lg">
      {sent ? (
        <Stack gap="md">
          <Alert color="green" title={t('matching.interest.sentTitle')} role="status">
            <Text size="sm">{t('matching.interest.sentText')}</Text>
          </Alert>
          <AnchorLink to="/matching/contacts" onClick={close}>
            {t('matching.interest.toContacts')}
          </AnchorLink>
        </Stack>
      ) : (
        <InterestForm target={target} onDone={close} onSent={setSent} />
      )}
    </Modal>
  );
}
