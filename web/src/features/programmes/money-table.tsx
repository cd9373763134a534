import { ColorSwatch, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FundingKind, fundingKinds } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';

export type MoneyRow = {
  key: string;
  label: string;
  color?: string;
  plannedCents: number;
  committedCents: number;
  disbursedCents: number;
  /** Whether the row's lines can be listed (a drill-down). */
  canDrill: boolean;
};

const cents = (row: Pick<MoneyRow, 'plannedCents' | 'committedCents' | 'disbursedCents'>, kind: FundingKind) =>
  kind === 'planned' ? row.plannedCents : kind === 'committed' ? row.committedCents : row.disbursedCents;

/**
 * Money per group (source, year, field of action, district …) in planned, committed and disbursed;
 * kinds without any money are left out. A row's name opens its lines when `onDrill` is given.
 */
export function MoneyTable({
  rows,
  caption,
  groupLabel,
  onDrill,
  selectedKey,
}: {
  rows: MoneyRow[];
  caption: string;
  groupLabel: string;
  onDrill?: (row: MoneyRow) => void;
  selectedKey?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const kinds = fundingKinds.filter((kind) => rows.some((row) => cents(row, kind) !== 0));
  const total = (kind: FundingKind) => rows.reduce((sum, row) => sum + cents(row, kind), 0);
  if (rows.length === 0) return <Text c="dimmed">{t('money.noGroups')}</Text>;
  return (
    <Table.ScrollContainer minWidth={200 + kinds.length * 150}>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{groupLabel}</Table.Th>
            {kinds.map((kind) => (
              <Table.Th key={kind} ta="right">
                {t(`fundingKind.${kind}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} bg={row.key === selectedKey ? 'var(--mantine-color-blue-light)' : undefined}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {row.color ? (
                    <ColorSwatch color={`var(--mantine-color-${row.color}-6)`} size={12} withShadow={false} />
                  ) : null}
                  {onDrill && row.canDrill ? (
                    <UnstyledButton
                      onClick={() => onDrill(row)}
                      c="blue.8"
                      fz="sm"
                      style={{ textDecoration: 'underline', textAlign: 'left' }}
                      aria-label={t('money.showLinesOf', { group: row.label })}
                      aria-pressed={row.key === selectedKey}
                    >
                      {row.label}
                    </UnstyledButton>
                  ) : (
                    <Text size="sm">{row.label}</Text>
                  )}
                </Group>
              </Table.Td>
              {kinds.map((kind) => (
                <Table.Td key={kind} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{format.money(cents(row, kind))}</Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('common.sum')}</Table.Th>
            {kinds.map((kind) => (
              <Table.Th key={kind} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(total(kind))}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
