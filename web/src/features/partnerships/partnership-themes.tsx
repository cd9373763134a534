import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The themes of a partnership as badges. */
export function PartnershipThemes({ themes, max }: { themes: string[]; max?: number }) {
  const { t } = useTranslation();
  const shown = max === undefined ? themes : themes.slice(0, max);
  const rest = themes.length - shown.length;
  return (
    <Group gap={6} role="list" aria-label={t('partnerships.themes')}>
      {shown.map((theme) => (
        <Badge key={theme} variant="light" radius="sm" tt="none" role="listitem">
          {theme}
        </Badge>
      ))}
      {rest > 0 ? (
        <Badge variant="outline" color="gray" radius="sm" tt="none" role="listitem">
          {t('partnerships.moreThemes', { count: rest })}
        </Badge>
      ) : null}
    </Group>
  );
}
