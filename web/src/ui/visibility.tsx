import { Badge, type MantineColor, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Visibility, visibilities } from '../../../contracts/accounts';

const colors: Record<Visibility, MantineColor> = { public: 'gray', internal: 'orange', restricted: 'red' };

/** "intern" or "eingeschränkt" next to a record's title; public records show nothing. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  if (visibility === 'public') return null;
  return (
    <Badge
      color={colors[visibility]}
      variant="light"
      radius="sm"
      tt="none"
      miw="max-content"
      title={t(`visibility.hint.${visibility}`)}
    >
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}

/** Who may see a record: öffentlich, intern, eingeschränkt — each with a line saying what it means. */
export function VisibilitySelect({
  value,
  onChange,
  error,
  label,
}: {
  value: Visibility;
  onChange: (value: Visibility) => void;
  error?: string;
  /** Another label than "Sichtbarkeit", for the visibility of a part of a record (contact details). */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t('visibility.label')}
      description={t(`visibility.hint.${value}`)}
      data={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
      value={value}
      onChange={(next) => onChange((next as Visibility | null) ?? value)}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
