import { Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../contracts/partnerships';
import { fieldErrorsOf } from '../../lib/form-errors';
import { numberSeparators } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { type AddIndicatorValue, useAddIndicatorValue } from './partnerships.api';

type Qualifier = NonNullable<AddIndicatorValue['qualifier']>;
const qualifiers: Qualifier[] = ['exact', 'approx', 'more_than'];
const periodPattern = /^\d{4}(-\d{2}-\d{2})?$/;

function IndicatorValueForm({
  partnershipId,
  indicatorId,
  indicator,
  onDone,
}: {
  partnershipId: number;
  indicatorId: number;
  indicator: Indicator;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddIndicatorValue(partnershipId, indicatorId);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState<number | undefined>(undefined);
  const [qualifier, setQualifier] = useState<Qualifier>('exact');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(add.error);
  const isPeriodValid = periodPattern.test(period.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!isPeriodValid || value === undefined) return;
    add.mutate({ period: period.trim(), value, qualifier }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={add.error} fields={['period', 'value', 'qualifier']} />
        <TextInput
          label={t('partnerships.period')}
          description={t('partnerships.valueForm.periodHint')}
          required
          data-autofocus
          value={period}
          onChange={(event) => setPeriod(event.currentTarget.value)}
          error={submitted && !isPeriodValid ? t('partnerships.valueForm.periodInvalid') : errors.period}
          w={220}
        />
        <Group gap="md" align="flex-start">
          <Select
            label={t('partnerships.valueForm.qualifier')}
            data={qualifiers.map((q) => ({
              value: q,
              label: q === 'exact' ? t('partnerships.valueForm.exact') : t(`qualifier.${q}`),
            }))}
            value={qualifier}
            onChange={(next) => setQualifier((next as Qualifier | null) ?? 'exact')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            w={160}
          />
          <NumberInput
            label={t('partnerships.value')}
            description={t(`partnerships.unit.${indicator.unit}`)}
            required
            {...numberSeparators(format.language)}
            value={value ?? ''}
            onChange={(next) => setValue(typeof next === 'number' ? next : undefined)}
            error={submitted && value === undefined ? t('partnerships.valueForm.valueMissing') : errors.value}
            style={{ flex: 1 }}
          />
        </Group>
        <FormActions submitLabel={t('common.save')} isPending={add.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Adds a value of a reported indicator for a period (a new year of the trade volume, say). */
export function IndicatorValueModal({
  partnershipId,
  indicator,
  onClose,
}: {
  partnershipId: number;
  indicator: Indicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={indicator !== null}
      onClose={onClose}
      title={indicator ? t('partnerships.valueForm.title', { label: indicator.label }) : ''}
    >
      {indicator?.id ? (
        <IndicatorValueForm
          key={indicator.id}
          partnershipId={partnershipId}
          indicatorId={indicator.id}
          indicator={indicator}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}
