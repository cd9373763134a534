import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "Abbrechen" and the main button at the foot of a form or dialog. The main button submits the
 * surrounding form, or calls `onConfirm` where there is no form (a confirmation).
 */
export function FormActions({
  submitLabel,
  isPending = false,
  onCancel,
  onConfirm,
  color,
}: {
  submitLabel: string;
  isPending?: boolean;
  onCancel: () => void;
  onConfirm?: () => void;
  color?: MantineColor;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      {onConfirm ? (
        <Button color={color} onClick={onConfirm} loading={isPending}>
          {submitLabel}
        </Button>
      ) : (
        <Button type="submit" color={color} loading={isPending}>
          {submitLabel}
        </Button>
      )}
    </Group>
  );
}
