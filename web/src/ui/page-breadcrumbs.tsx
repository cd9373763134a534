import { Box, Breadcrumbs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Programme / <current page>": a labelled navigation landmark above a detail page's heading. */
export function PageBreadcrumbs({ parent, current }: { parent: ReactNode; current: string }) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t('app.breadcrumb')}>
      <Breadcrumbs>
        {parent}
        <Text size="sm" c="dimmed" lineClamp={1} maw={600} aria-current="page">
          {current}
        </Text>
      </Breadcrumbs>
    </Box>
  );
}
