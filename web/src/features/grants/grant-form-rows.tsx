import {
  ActionIcon,
  Button,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FundingKind, type FundingSource, fundingKinds, fundingSources } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { OrganisationSelect } from '../organisations/organisation-select';
import type { LineRow, PartnerRow } from './grant-form-values';
import { checkShares, eurosToCents } from './grant-money';
import { MoneyInput } from './money-input';

type ErrorOf = (field: string) => string | undefined;

/** "Summe der Anteile 3.000.000 € von 3.600.000 € · noch zu verteilen 600.000 €", live under the partner rows. */
export function ShareSum({
  amount,
  partners,
  error,
}: {
  amount: number | string;
  partners: PartnerRow[];
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amountCents = eurosToCents(amount);
  const check = checkShares(
    amountCents,
    partners.map((p) => eurosToCents(p.share)),
  );
  const state = check.isBalanced
    ? 'balanced'
    : check.remainingCents > 0
      ? 'open'
      : check.remainingCents < 0
        ? 'over'
        : 'none';
  return (
    <Stack gap={2} aria-live="polite" data-testid="share-sum">
      <Text size="sm" fw={600} c={state === 'balanced' ? 'teal.8' : state === 'over' ? 'red.8' : undefined}>
        {t('grantForm.shareSum', { sum: format.money(check.sumCents), amount: format.money(amountCents ?? 0) })}
        {state === 'open' ? ` · ${t('grantForm.shareOpen', { rest: format.money(check.remainingCents) })}` : null}
        {state === 'over' ? ` · ${t('grantForm.shareOver', { rest: format.money(-check.remainingCents) })}` : null}
        {state === 'balanced' ? ` · ${t('grantForm.shareBalanced')}` : null}
      </Text>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The consortium rows: organisation, lead or partner, share. */
export function PartnerRows({
  partners,
  onChange,
  errorOf,
}: {
  partners: PartnerRow[];
  onChange: (partners: PartnerRow[]) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<PartnerRow>) =>
    onChange(partners.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <Radio.Group
      value={partners.find((p) => p.role === 'lead')?.key ?? null}
      onChange={(key) => onChange(partners.map((p) => ({ ...p, role: p.key === key ? 'lead' : 'partner' })))}
      label={t('grantForm.partners')}
      description={t('grantForm.partnersHint')}
    >
      <Stack gap="sm" mt="xs">
        {partners.map((partner, i) => (
          <Paper key={partner.key} withBorder p="sm" radius="sm">
            <Grid gap="sm" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <OrganisationSelect
                  label={t('grantForm.organisation', { number: i + 1 })}
                  value={partner.organisationId}
                  onChange={(organisationId) => update(partner.key, { organisationId })}
                  required
                  error={errorOf(`partners.${i}.organisationId`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 7, sm: 4 }}>
                <MoneyInput
                  label={t('grantForm.share')}
                  required
                  value={partner.share}
                  onChange={(share) => update(partner.key, { share })}
                  error={errorOf(`partners.${i}.shareCents`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 5, sm: 2 }}>
                <Group justify="space-between" wrap="nowrap" pb={6}>
                  <Radio value={partner.key} label={t('grant.role.lead')} />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('grantForm.removePartner', { number: i + 1 })}
                    onClick={() => onChange(partners.filter((p) => p.key !== partner.key))}
                    disabled={partners.length === 1}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Grid.Col>
            </Grid>
          </Paper>
        ))}
      </Stack>
    </Radio.Group>
  );
}

const wholeGrant = 'grant';

/** The funding lines of a new grant: partner (or the grant as a whole), source, kind, amount, year, note. */
export function LineRows({
  lines,
  partners,
  overruns,
  onChange,
  errorOf,
  partnerName,
}: {
  lines: LineRow[];
  partners: PartnerRow[];
  overruns: Set<number>;
  onChange: (lines: LineRow[]) => void;
  errorOf: ErrorOf;
  partnerName: (organisationId: number) => string;
}) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<LineRow>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const partnerOptions = [
    { value: wholeGrant, label: t('grant.wholeGrant') },
    ...partners.flatMap((p) =>
      p.organisationId === undefined ? [] : [{ value: String(p.organisationId), label: partnerName(p.organisationId) }],
    ),
  ];
  return (
    <Stack gap="sm">
      {lines.map((line, i) => (
        <Paper
          key={line.key}
          withBorder
          p="sm"
          radius="sm"
          component="fieldset"
          aria-label={t('grantForm.line', { number: i + 1 })}
        >
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
              <Select
                label={t('grantForm.lineKind', { number: i + 1 })}
                data={fundingKinds.map((kind) => ({ value: kind, label: t(`fundingKind.${kind}`) }))}
                value={line.kind}
                onChange={(kind) => kind && update(line.key, { kind: kind as FundingKind })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('grant.lineSource')}
                data={fundingSources.map((source) => ({ value: source, label: t(`fundingSource.${source}`) }))}
                value={line.source}
                onChange={(source) => source && update(line.key, { source: source as FundingSource })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                error={errorOf(`lines.${i}.source`)}
              />
              <Select
                label={t('grant.partner')}
                data={partnerOptions}
                value={line.organisationId === null ? wholeGrant : String(line.organisationId)}
                onChange={(value) =>
                  update(line.key, { organisationId: !value || value === wholeGrant ? null : Number(value) })
                }
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                error={errorOf(`lines.${i}.organisationId`)}
              />
              <MoneyInput
                label={t('grant.lineAmount')}
                required
                value={line.amount}
                onChange={(amount) => update(line.key, { amount })}
                error={errorOf(`lines.${i}.amountCents`)}
              />
              <TextInput
                label={t('recordLines.year')}
                inputMode="numeric"
                maxLength={4}
                value={line.year}
                onChange={(event) => update(line.key, { year: event.currentTarget.value.trim() })}
                error={errorOf(`lines.${i}.year`)}
              />
              <TextInput
                label={t('grant.lineNote')}
                value={line.note}
                onChange={(event) => update(line.key, { note: event.currentTarget.value })}
                error={errorOf(`lines.${i}.note`)}
              />
            </SimpleGrid>
            {overruns.has(i) ? (
              <Textarea
                label={t('recordLines.overrunReason')}
                description={t('recordLines.overrunHint')}
                required
                autosize
                minRows={2}
                value={line.overrunReason}
                onChange={(event) => update(line.key, { overrunReason: event.currentTarget.value })}
                error={errorOf(`lines.${i}.overrunReason`)}
              />
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
              >
                {t('grantForm.removeLine', { number: i + 1 })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
