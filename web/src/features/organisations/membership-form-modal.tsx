import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MembershipKind, membershipKinds, type OrganisationDetail } from '../../../../contracts/organisations';
import { fieldErrorsOf } from '../../lib/form-errors';
import { orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { PersonSelect } from '../people/person-select';
import { OrganisationSelect } from './organisation-select';
import { useCreateMembership } from './organisations.api';

// Ties to a regional partnership are made on the partnership's page.
const kinds = membershipKinds.filter((kind) => kind !== 'partner_region');

type Values = {
  kind: MembershipKind;
  otherId: number | undefined;
  personId: number | undefined;
  note: string;
  from: string;
  until: string;
};

const formFields = ['kind', 'groupId', 'organisationId', 'personId', 'note', 'from', 'until'];

/**
 * Records a membership of this organisation: `side="group"` — it joins a group (a cluster, alliance,
 * network, consortium, or signs a dialogue); `side="member"` — another organisation joins this group.
 */
function MembershipForm({
  organisation,
  side,
  onDone,
}: {
  organisation: OrganisationDetail;
  side: 'group' | 'member';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMembership();
  const [values, set] = useFormState<Values>({
    kind: side === 'member' && organisation.type === 'cluster_organisation' ? 'cluster_member' : 'network_member',
    otherId: undefined,
    personId: undefined,
    note: '',
    from: '',
    until: '',
  });
  const errors = fieldErrorsOf(create.error);
  const [submitted, setSubmitted] = useState(false);
  const otherField = side === 'group' ? 'groupId' : 'organisationId';
  const problems: Partial<Record<string, string>> = {
    [otherField]: values.otherId === undefined ? t('membershipForm.otherMissing') : undefined,
    until: values.from && values.until && values.until < values.from ? t('form.endBeforeStart') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const error = (field: string) => (submitted ? problems[field] : undefined) ?? errors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems || values.otherId === undefined) return;
    create.mutate(
      {
        kind: values.kind,
        organisationId: side === 'group' ? organisation.id : values.otherId,
        groupId: side === 'group' ? values.otherId : organisation.id,
        personId: values.personId ?? null,
        note: orNull(values.note),
        from: values.from || null,
        until: values.until || null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={create.error} fields={formFields} />
        <Select
          label={t('membershipForm.kind')}
          data={kinds.map((kind) => ({ value: kind, label: t(`membershipKind.${kind}`) }))}
          value={values.kind}
          onChange={(next) => next && set('kind', next as MembershipKind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={error('kind')}
        />
        <OrganisationSelect
          label={side === 'group' ? t('membershipForm.group') : t('membershipForm.member')}
          value={values.otherId}
          onChange={(id) => set('otherId', id)}
          required
          error={error(otherField)}
        />
        <PersonSelect
          label={t('membershipForm.person')}
          description={t('membershipForm.personHint')}
          value={values.personId}
          onChange={(id) => set('personId', id)}
          error={error('personId')}
        />
        <TextInput
          label={t('membershipForm.note')}
          description={t('membershipForm.noteHint')}
          value={values.note}
          onChange={(event) => set('note', event.currentTarget.value)}
          error={error('note')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('membershipForm.from')}
            type="date"
            value={values.from}
            onChange={(event) => set('from', event.currentTarget.value)}
            error={error('from')}
          />
          <TextInput
            label={t('membershipForm.until')}
            type="date"
            value={values.until}
            onChange={(event) => set('until', event.currentTarget.value)}
            error={error('until')}
          />
        </SimpleGrid>
        <FormActions submitLabel={t('membershipForm.create')} isPending={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function MembershipFormModal({
  opened,
  organisation,
  side,
  onClose,
}: {
  opened: boolean;
  organisation: OrganisationDetail;
  side: 'group' | 'member';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={side === 'group' ? t('membershipForm.titleGroup') : t('membershipForm.titleMember')}
      size="lg"
    >
      {opened ? <MembershipForm organisation={organisation} side={side} onDone={onClose} /> : null}
    </Modal>
  );
}
