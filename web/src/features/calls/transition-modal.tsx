import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, Award } from '../../../../contracts/calls';
import type { ApplicationState } from '../../../../contracts/funding';
import { type FundingSource, fundingSources } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { todayIsoDate } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { eurosToCents } from '../grants/grant-money';
import { MoneyInput } from '../grants/money-input';
import { useTransitionApplication } from './calls.api';

type LineRow = {
  key: number;
  organisationId: string | null;
  source: FundingSource | null;
  year: number | string;
  amount: number | string;
};

/** The award of an approval: amount, date, reference, each partner's share and the split by source and year. */
function AwardFields({
  application,
  errors,
  onChange,
}: {
  application: ApplicationDetail;
  errors: Record<string, string>;
  onChange: (award: Award | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [amount, setAmount] = useState<number | string>(application.requestedCents / 100);
  const [decidedOn, setDecidedOn] = useState(todayIsoDate());
  const [reference, setReference] = useState('');
  const [shares, setShares] = useState<(number | string)[]>(application.partners.map((p) => p.requestedCents / 100));
  const [lines, setLines] = useState<LineRow[]>([]);
  const partnerOptions = application.partners.map((p) => ({ value: String(p.organisationId), label: p.name }));

  const emit = (next: {
    amount?: number | string;
    decidedOn?: string;
    reference?: string;
    shares?: (number | string)[];
    lines?: LineRow[];
  }) => {
    const a = next.amount ?? amount;
    const s = next.shares ?? shares;
    const l = next.lines ?? lines;
    const amountCents = eurosToCents(a);
    const shareCents = s.map((v) => eurosToCents(v));
    const lineCents = l.map((row) => eurosToCents(row.amount));
    if (amountCents === null || shareCents.some((c) => c === null) || lineCents.some((c) => c === null)) {
      onChange(null);
      return;
    }
    onChange({
      amountCents,
      decidedOn: next.decidedOn ?? decidedOn,
      reference: (next.reference ?? reference).trim() || null,
      partners: application.partners.map((p, i) => ({
        organisationId: p.organisationId,
        shareCents: shareCents[i] ?? 0,
      })),
      ...(l.length > 0
        ? {
            lines: l.map((row, i) => ({
              organisationId: row.organisationId ? Number(row.organisationId) : null,
              source: row.source ?? 'mixed',
              kind: 'committed' as const,
              amountCents: lineCents[i] ?? 0,
              year: row.year === '' ? null : Number(row.year),
            })),
          }
        : {}),
    });
  };
  const setLine = (key: number, patch: Partial<LineRow>) => {
    const next = lines.map((row) => (row.key === key ? { ...row, ...patch } : row));
    setLines(next);
    emit({ lines: next });
  };
  const shareSum = shares.reduce<number>((sum, v) => sum + (eurosToCents(v) ?? 0), 0);
  const lineSum = lines.reduce<number>((sum, row) => sum + (eurosToCents(row.amount) ?? 0), 0);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <MoneyInput
          label={t('award.amount')}
          value={amount}
          onChange={(value) => {
            setAmount(value);
            emit({ amount: value });
          }}
          error={errors['award.amountCents']}
        />
        <TextInput
          label={t('award.decidedOn')}
          type="date"
          value={decidedOn}
          onChange={(event) => {
            setDecidedOn(event.currentTarget.value);
            emit({ decidedOn: event.currentTarget.value });
          }}
          error={errors['award.decidedOn']}
        />
        <TextInput
          label={t('award.reference')}
          value={reference}
          onChange={(event) => {
            setReference(event.currentTarget.value);
            emit({ reference: event.currentTarget.value });
          }}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('award.shares')}
      </Text>
      {application.partners.map((p, i) => (
        <Group key={p.organisationId} justify="space-between" wrap="nowrap">
          <Text size="sm">{p.name}</Text>
          <MoneyInput
            aria-label={t('award.shareOf', { name: p.name })}
            w={180}
            value={shares[i]}
            onChange={(value) => {
              const next = shares.map((v, j) => (j === i ? value : v));
              setShares(next);
              emit({ shares: next });
            }}
            error={errors[`award.partners.${i}.shareCents`]}
          />
        </Group>
      ))}
      <Text size="sm" c={shareSum === eurosToCents(amount) ? 'dimmed' : 'red'}>
        {t('award.sharesSum', { sum: format.money(shareSum) })}
      </Text>
      {errors['award.partners'] ? (
        <Text size="sm" c="red" role="alert">
          {errors['award.partners']}
        </Text>
      ) : null}
      <Text fw={600} size="sm">
        {t('award.split')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('award.splitHint')}
      </Text>
      {lines.map((row, i) => (
        <Group key={row.key} align="flex-start" wrap="nowrap" gap="xs">
          <Select
            aria-label={t('award.linePartner', { number: i + 1 })}
            placeholder={t('award.partner')}
            data={partnerOptions}
            value={row.organisationId}
            onChange={(value) => setLine(row.key, { organisationId: value })}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 2 }}
            error={errors[`award.lines.${i}.organisationId`]}
          />
          <Select
            aria-label={t('award.lineSource', { number: i + 1 })}
            placeholder={t('award.source')}
            data={fundingSources.map((s) => ({ value: s, label: t(`fundingSource.${s}`) }))}
            value={row.source}
            onChange={(value) => setLine(row.key, { source: value as FundingSource | null })}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1.5 }}
          />
          <NumberInput
            aria-label={t('award.lineYear', { number: i + 1 })}
            placeholder={t('award.year')}
            value={row.year}
            onChange={(value) => setLine(row.key, { year: value })}
            hideControls
            w={90}
            error={errors[`award.lines.${i}.year`]}
          />
          <MoneyInput
            aria-label={t('award.lineAmount', { number: i + 1 })}
            value={row.amount}
            onChange={(value) => setLine(row.key, { amount: value })}
            w={160}
            error={errors[`award.lines.${i}.amountCents`]}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={t('award.removeLine', { number: i + 1 })}
            onClick={() => {
              const next = lines.filter((r) => r.key !== row.key);
              setLines(next);
              emit({ lines: next });
            }}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button
          variant="light"
          size="xs"
          onClick={() => {
            const next = [
              ...lines,
              { key: (lines.at(-1)?.key ?? 0) + 1, organisationId: null, source: null, year: '', amount: '' },
            ];
            setLines(next);
            emit({ lines: next });
          }}
        >
          {t('award.addLine')}
        </Button>
        {lines.length > 0 ? <Text size="sm">{t('award.linesSum', { sum: format.money(lineSum) })}</Text> : null}
      </Group>
    </Stack>
  );
}

function TransitionForm({
  application,
  to,
  onDone,
  onReload,
}: {
  application: ApplicationDetail;
  to: ApplicationState;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const move = useTransitionApplication(application.id);
  const [comment, setComment] = useState('');
  const [award, setAward] = useState<Award | null>({});
  const errors = fieldErrorsOf(move.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to === 'approved' && award === null) return;
    move.mutate(
      {
        to,
        comment: comment.trim() || null,
        version: application.version,
        ...(to === 'approved' && award ? { award } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={move.error} onReload={onReload} fields={Object.keys(errors)} />
        {to === 'approved' ? <AwardFields application={application} errors={errors} onChange={setAward} /> : null}
        <Textarea
          label={t('transition.comment')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={errors.comment}
          data-autofocus
        />
        <FormActions
          submitLabel={t(`transition.submit.${to}`)}
          isPending={move.isPending}
          onCancel={onDone}
          color={to === 'rejected' || to === 'withdrawn' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}

/** Moves an application to the chosen state with a comment; an approval records the award. */
export function TransitionModal({
  application,
  to,
  onClose,
  onReload,
}: {
  application: ApplicationDetail;
  to: ApplicationState | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={to !== null}
      onClose={onClose}
      title={to ? t(`transition.title.${to}`) : ''}
      size={to === 'approved' ? 'xl' : 'md'}
    >
      {to ? (
        <TransitionForm
          key={`${application.version}-${to}`}
          application={application}
          to={to}
          onDone={onClose}
          onReload={onReload}
        />
      ) : null}
    </Modal>
  );
}
