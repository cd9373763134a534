import { ActionIcon, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, CallDetail } from '../../../../contracts/calls';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useMe } from '../accounts/accounts.api';
import { eurosToCents } from '../grants/grant-money';
import { MoneyInput } from '../grants/money-input';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useSubmitApplication } from './calls.api';

type PartnerRow = { key: number; organisationId: number | undefined; amount: number | string };

function ApplicationForm({
  call,
  onDone,
  onSubmitted,
}: {
  call: CallDetail;
  onDone: () => void;
  onSubmitted: (application: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data;
  const submit = useSubmitApplication(call.id);
  const ownOrganisation = me?.roles.find((r) => r.organisationId !== null)?.organisationId ?? undefined;
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  // The first row is the lead.
  const [rows, setRows] = useState<PartnerRow[]>([{ key: 0, organisationId: ownOrganisation, amount: '' }]);
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(submit.error);
  const cents = rows.map((row) => eurosToCents(row.amount));
  const total = cents.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const setRow = (key: number, patch: Partial<PartnerRow>) =>
    setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const send = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const lead = rows[0]?.organisationId;
    if (!title.trim() || lead === undefined || cents.some((c) => c === null) || total <= 0) return;
    submit.mutate(
      {
        title: title.trim(),
        summary: summary.trim() || null,
        leadOrganisationId: lead,
        requestedCents: total,
        periodStart: periodStart || null,
        periodEnd: periodEnd || null,
        partners: rows.flatMap((row, i) =>
          row.organisationId === undefined
            ? []
            : [{ organisationId: row.organisationId, requestedCents: cents[i] ?? 0 }],
        ),
      },
      { onSuccess: onSubmitted },
    );
  };

  const shown = [
    'title',
    'summary',
    'leadOrganisationId',
    'periodStart',
    'periodEnd',
    'partners',
    'requestedCents',
    ...rows.flatMap((_, i) => [`partners.${i}.organisationId`, `partners.${i}.requestedCents`]),
  ];

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={submit.error} fields={shown} />
        <TextInput
          label={t('applicationForm.title')}
          required
          data-autofocus
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={submitted && !title.trim() ? t('applicationForm.titleMissing') : errors.title}
        />
        <Textarea
          label={t('applicationForm.summary')}
          autosize
          minRows={3}
          maxRows={10}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.summary}
        />
        <Stack gap="xs" role="group" aria-label={t('applicationForm.consortium')}>
          <Text fw={600} size="sm">
            {t('applicationForm.consortium')}
          </Text>
          {rows.map((row, i) => (
            <Group key={row.key} align="flex-start" wrap="nowrap" gap="sm">
              <div style={{ flex: 1 }}>
                <OrganisationSelect
                  label={i === 0 ? t('applicationForm.lead') : t('applicationForm.partner', { number: i })}
                  value={row.organisationId}
                  onChange={(organisationId) => setRow(row.key, { organisationId })}
                  required={i === 0}
                  error={
                    i === 0
                      ? (errors.leadOrganisationId ??
                        errors[`partners.0.organisationId`] ??
                        (submitted && row.organisationId === undefined ? t('applicationForm.leadMissing') : undefined))
                      : errors[`partners.${i}.organisationId`]
                  }
                />
              </div>
              <MoneyInput
                label={i === 0 ? t('applicationForm.leadAmount') : t('applicationForm.partnerAmount', { number: i })}
                w={190}
                required
                value={row.amount}
                onChange={(amount) => setRow(row.key, { amount })}
                error={
                  errors[`partners.${i}.requestedCents`] ??
                  (submitted && cents[i] === null ? t('applicationForm.amountMissing') : undefined)
                }
              />
              {i > 0 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('applicationForm.removePartner', { number: i })}
                  onClick={() => setRows((previous) => previous.filter((r) => r.key !== row.key))}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                setRows((previous) => [
                  ...previous,
                  { key: Math.max(...previous.map((r) => r.key)) + 1, organisationId: undefined, amount: '' },
                ])
              }
            >
              {t('applicationForm.addPartner')}
            </Button>
            <Text size="sm" fw={600} data-testid="application-total">
              {t('applicationForm.total', { amount: format.money(total) })}
            </Text>
          </Group>
          {errors.partners ? (
            <Text size="sm" c="red" role="alert">
              {errors.partners}
            </Text>
          ) : null}
        </Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('applicationForm.periodStart')}
            type="date"
            value={periodStart}
            onChange={(event) => setPeriodStart(event.currentTarget.value)}
            error={errors.periodStart}
          />
          <TextInput
            label={t('applicationForm.periodEnd')}
            type="date"
            value={periodEnd}
            onChange={(event) => setPeriodEnd(event.currentTarget.value)}
            error={errors.periodEnd}
          />
        </SimpleGrid>
        <FormActions submitLabel={t('applicationForm.submit')} isPending={submit.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** "Antrag stellen": the lead, partners with their amounts, the period and a summary. */
export function ApplicationFormModal({
  opened,
  call,
  onClose,
  onSubmitted,
}: {
  opened: boolean;
  call: CallDetail;
  onClose: () => void;
  onSubmitted: (application: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('applicationForm.heading', { call: call.title })} size="xl">
      <ApplicationForm call={call} onDone={onClose} onSubmitted={onSubmitted} />
    </Modal>
  );
}
