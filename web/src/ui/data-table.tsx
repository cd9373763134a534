import { Table, type TableProps, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The head of a column of row buttons: named for screen readers, empty on screen. */
export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <Table.Th>
      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
    </Table.Th>
  );
}

/**
 * A table that scrolls sideways below `minWidth`, with a plain text head per column, an optional
 * caption for screen readers and an optional actions column. While `isStale` (a new page is on its
 * way) the old rows stay, dimmed.
 */
export function DataTable({
  minWidth,
  caption,
  columns,
  withActions = false,
  isStale,
  children,
  ...tableProps
}: Omit<TableProps, 'children' | 'style' | 'aria-busy'> & {
  minWidth: number;
  caption?: string;
  columns: string[];
  withActions?: boolean;
  isStale?: boolean;
  children: ReactNode;
}) {
  const staleProps = isStale === undefined ? {} : { 'aria-busy': isStale, style: { opacity: isStale ? 0.6 : 1 } };
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...tableProps} {...staleProps}>
        {caption ? (
          <Table.Caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
        ) : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {withActions ? <ActionsHeader /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
