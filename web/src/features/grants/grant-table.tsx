import { Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantListItem } from '../../../../contracts/funding';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { VisibilityBadge } from '../../ui/visibility';
import { ratio } from './grant-money';
import { type GrantSort, nextGrantSort, sortDirection } from './grant-search';

type SortColumn = 'decided' | 'amount' | 'title';

/** A column head that sorts the list; `aria-sort` tells screen readers the order. */
function SortHeader({
  column,
  label,
  sort,
  onSort,
  align,
}: {
  column: SortColumn;
  label: string;
  sort: GrantSort | undefined;
  onSort: (sort: GrantSort | undefined) => void;
  align?: 'right';
}) {
  const { t } = useTranslation();
  const direction = sortDirection(column, sort);
  const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <Table.Th aria-sort={direction} ta={align}>
      <UnstyledButton
        onClick={() => onSort(nextGrantSort(column, sort))}
        fw={700}
        fz="sm"
        title={t('grants.sortBy', { column: label })}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}{' '}
        <span aria-hidden="true" style={{ opacity: direction === 'none' ? 0.4 : 1 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Disbursed of committed as a thin bar with the percentage in words for screen readers. */
export function PayoutBar({ committedCents, disbursedCents }: { committedCents: number; disbursedCents: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = ratio(disbursedCents, committedCents);
  if (share === null) return null;
  const percent = Math.round(share * 100);
  return (
    <Progress
      value={Math.min(100, share * 100)}
      color={share > 1 ? 'red' : 'teal'}
      size="sm"
      aria-label={t('grants.payoutShare', { percent: format.number(percent) })}
      title={t('grants.payoutShare', { percent: format.number(percent) })}
    />
  );
}

/**
 * Grants with project, programme, lead, amount and payout progress. Without `onSort` the heads
 * are plain (sections on project and organisation pages); `hide` leaves out a column that would
 * repeat the page's own subject.
 */
export function GrantTable({
  grants,
  isStale,
  sort,
  onSort,
  hide = [],
}: {
  grants: GrantListItem[];
  isStale?: boolean;
  sort?: GrantSort;
  onSort?: (sort: GrantSort | undefined) => void;
  hide?: ('project' | 'programme')[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const head = (column: SortColumn, label: string, align?: 'right') =>
    onSort ? (
      <SortHeader column={column} label={label} sort={sort} onSort={onSort} align={align} />
    ) : (
      <Table.Th ta={align}>{label}</Table.Th>
    );
  return (
    <Table.ScrollContainer minWidth={hide.length > 0 ? 760 : 1000}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        aria-busy={isStale}
        style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {t('grants.tableCaption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head('title', t('grants.columns.title'))}
            {hide.includes('project') ? null : <Table.Th>{t('grants.columns.project')}</Table.Th>}
            {hide.includes('programme') ? null : <Table.Th>{t('grants.columns.programme')}</Table.Th>}
            <Table.Th>{t('grants.columns.lead')}</Table.Th>
            {head('decided', t('grants.columns.decidedOn'))}
            {head('amount', t('grants.columns.amount'), 'right')}
            <Table.Th w={150}>{t('grants.columns.disbursed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.map((grant) => (
            <Table.Tr key={grant.id}>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <AnchorLink
                    to="/grants/$grantId"
                    params={{ grantId: String(grant.id) }}
                    size="sm"
                    fw={500}
                    lineClamp={3}
                  >
                    {grant.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {[grant.reference, grant.funderName].filter(Boolean).join(' · ')}
                  </Text>
                  <VisibilityBadge visibility={grant.visibility} />
                </Stack>
              </Table.Td>
              {hide.includes('project') ? null : (
                <Table.Td>
                  <AnchorLink
                    to="/projects/$projectId"
                    params={{ projectId: String(grant.project.id) }}
                    size="sm"
                    lineClamp={3}
                  >
                    {grant.project.title}
                  </AnchorLink>
                </Table.Td>
              )}
              {hide.includes('programme') ? null : (
                <Table.Td>
                  <Text size="sm">{grant.programme.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {grant.lead?.name ?? t('common.none')}
                </Text>
                {grant.partnerCount > 1 ? (
                  <Text size="xs" c="dimmed">
                    {t('grants.partnerCount', {
                      count: grant.partnerCount,
                      formatted: format.number(grant.partnerCount),
                    })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{grant.decidedOn ? format.date(grant.decidedOn) : t('common.notPublished')}</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {format.money(grant.amountCents)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(grant.disbursedCents)}
                  </Text>
                  <PayoutBar committedCents={grant.committedCents} disbursedCents={grant.disbursedCents} />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
