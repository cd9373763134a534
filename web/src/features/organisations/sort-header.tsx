import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationSort } from './organisation-search';

type Column = 'name' | 'projects';

/** What a click on a column head does: ascending (names) or descending (counts) first, then the other way, then back to the default. */
function nextSort(column: Column, current: OrganisationSort | undefined): OrganisationSort | undefined {
  const first: OrganisationSort = column === 'name' ? 'name' : '-projects';
  const second: OrganisationSort = column === 'name' ? '-name' : 'projects';
  if (current === first) return second;
  if (current === second) return undefined;
  return first;
}

/** A column head that sorts the list; `aria-sort` tells screen readers the order. */
export function SortHeader({
  column,
  label,
  sort,
  onSort,
  w,
}: {
  column: Column;
  label: string;
  sort: OrganisationSort | undefined;
  onSort: (sort: OrganisationSort | undefined) => void;
  w?: number;
}) {
  const { t } = useTranslation();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
  const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <Table.Th aria-sort={direction ?? 'none'} w={w}>
      <UnstyledButton
        onClick={() => onSort(nextSort(column, sort))}
        fw={700}
        fz="sm"
        title={t('organisations.sortBy', { column: label })}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}{' '}
        <span aria-hidden="true" style={{ opacity: direction ? 1 : 0.4 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
