import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl, type QueryParams } from '../lib/api';

/** "CSV" and "Excel" downloads of a filtered list: `path` + `.csv` / `.xlsx` with the list's filters. */
export function ExportButtons({ path, params }: { path: string; params: QueryParams }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('export.label')}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={apiUrl(`${path}.${format}`, params)}
          download
          variant="default"
          size="xs"
          title={t(`export.${format}Hint`)}
        >
          {t(`export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
