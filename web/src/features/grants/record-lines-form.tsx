import { SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../../../contracts/funding';
import { type FundingKind, type FundingSource, fundingSources } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { Section } from '../../ui/section';
import { eurosToCents, existingMoneyLines, lineInput, overrunLineIndexes } from './grant-money';
import { useAddGrantLines } from './grants.api';
import { MoneyInput } from './money-input';

const wholeGrant = 'grant';
const formFields = [
  'lines.0.organisationId',
  'lines.0.source',
  'lines.0.amountCents',
  'lines.0.year',
  'lines.0.note',
  'lines.0.overrunReason',
];

/** The source most of the grant's money comes from: the default of a new line. */
function usualSource(grant: GrantDetail): FundingSource {
  const counts = new Map<FundingSource, number>();
  for (const line of grant.lines) counts.set(line.source, (counts.get(line.source) ?? 0) + line.amountCents);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'state';
}

type Values = {
  kind: FundingKind;
  source: FundingSource;
  partner: string;
  amount: number | string;
  year: string;
  note: string;
  overrunReason: string;
};

function initialValues(grant: GrantDetail): Values {
  return {
    kind: 'disbursed',
    source: usualSource(grant),
    partner: grant.partners.length === 1 ? String(grant.partners[0]?.organisationId) : wholeGrant,
    amount: '',
    year: String(new Date().getFullYear()),
    note: '',
    overrunReason: '',
  };
}

/**
 * Records a commitment or a disbursement on the grant. When the amount would pay out more than is
 * committed to the partner, the form asks why (the server refuses such a line without a reason).
 */
export function RecordLinesForm({ grant, onReload }: { grant: GrantDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddGrantLines(grant.id);
  const [values, setValues] = useState<Values>(() => initialValues(grant));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const amountCents = eurosToCents(values.amount);
  const organisationId = values.partner === wholeGrant ? null : Number(values.partner);
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : null;
  const draft = { organisationId, kind: values.kind, amountCents: amountCents ?? 0 };
  const isOverrun = overrunLineIndexes(existingMoneyLines(grant), [draft]).has(0);

  const serverErrors = fieldErrorsOf(add.error);
  const problems: Record<string, string | undefined> = {
    amountCents: amountCents === null || amountCents <= 0 ? t('recordLines.amountMissing') : undefined,
    year: values.year && year === null ? t('recordLines.yearInvalid') : undefined,
    overrunReason:
      isOverrun && values.overrunReason.trim().length < 3 ? t('recordLines.overrunReasonMissing') : undefined,
  };
  const error = (field: string) => (submitted ? problems[field] : undefined) ?? serverErrors[`lines.0.${field}`];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setSaved(null);
    if (Object.values(problems).some(Boolean) || amountCents === null) return;
    add.mutate(
      {
        version: grant.version,
        lines: [
          lineInput({
            organisationId,
            source: values.source,
            kind: values.kind,
            amountCents,
            year,
            note: values.note,
            overrunReason: isOverrun ? values.overrunReason : '',
          }),
        ],
      },
      {
        onSuccess: () => {
          setSaved(
            t('recordLines.saved', { kind: t(`fundingKind.${values.kind}`), amount: format.money(amountCents) }),
          );
          setSubmitted(false);
          setValues((v) => ({ ...v, amount: '', note: '', overrunReason: '' }));
        },
      },
    );
  };

  const partnerOptions = [
    { value: wholeGrant, label: t('grant.wholeGrant') },
    ...grant.partners.map((p) => ({ value: String(p.organisationId), label: p.name })),
  ];

  return (
    <Section title={t('recordLines.title')} description={t('recordLines.intro')}>
      <form onSubmit={submit} noValidate aria-label={t('recordLines.title')}>
        <Stack gap="md">
          <ApiErrorAlert error={add.error} onReload={onReload} fields={formFields} />
          {saved ? (
            <Text c="teal.8" size="sm" role="status">
              {saved}
            </Text>
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="record-kind-label">
              {t('recordLines.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="record-kind-label"
              value={values.kind}
              onChange={(value) => set('kind', value as FundingKind)}
              data={(['committed', 'disbursed', 'planned'] as const).map((kind) => ({
                value: kind,
                label: t(`fundingKind.${kind}`),
              }))}
              w="fit-content"
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('grant.partner')}
              data={partnerOptions}
              value={values.partner}
              onChange={(value) => value && set('partner', value)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={serverErrors['lines.0.organisationId']}
            />
            <Select
              label={t('grant.lineSource')}
              data={fundingSources.map((source) => ({ value: source, label: t(`fundingSource.${source}`) }))}
              value={values.source}
              onChange={(value) => value && set('source', value as FundingSource)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={serverErrors['lines.0.source']}
            />
            <MoneyInput
              label={t('grant.lineAmount')}
              required
              value={values.amount}
              onChange={(value) => set('amount', value)}
              error={error('amountCents')}
            />
            <TextInput
              label={t('recordLines.year')}
              inputMode="numeric"
              maxLength={4}
              value={values.year}
              onChange={(event) => set('year', event.currentTarget.value.trim())}
              error={error('year')}
            />
          </SimpleGrid>
          {isOverrun ? (
            <Textarea
              label={t('recordLines.overrunReason')}
              description={t('recordLines.overrunHint')}
              required
              autosize
              minRows={2}
              value={values.overrunReason}
              onChange={(event) => set('overrunReason', event.currentTarget.value)}
              error={error('overrunReason')}
            />
          ) : null}
          <TextInput
            label={t('grant.lineNote')}
            value={values.note}
            onChange={(event) => set('note', event.currentTarget.value)}
            error={serverErrors['lines.0.note']}
          />
          <FormActions
            submitLabel={t('recordLines.submit')}
            isPending={add.isPending}
            onCancel={() => {
              setValues(initialValues(grant));
              setSubmitted(false);
              add.reset();
            }}
          />
        </Stack>
      </form>
    </Section>
  );
}
