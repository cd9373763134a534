import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/use-format';

/** How many pages a list of `total` entries fills (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Seite 2 von 7" and the page buttons below a paged list; nothing when everything fits on one page. */
export function ListPagination({
  page,
  pages,
  onChange,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" component="nav" aria-label={t('projects.pagination')}>
      <Text size="sm" c="dimmed">
        {t('projects.pageOf', { page: format.number(page), pages: format.number(pages) })}
      </Text>
      <Pagination total={pages} value={Math.min(page, pages)} onChange={onChange} />
    </Group>
  );
}
