import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';

/** The other side of a membership: the group (or partnership) it ties to, or the member organisation. */
function Party({ membership, side }: { membership: Membership; side: 'group' | 'member' }) {
  if (side === 'member') {
    return (
      <AnchorLink
        to="/organisations/$organisationId"
        params={{ organisationId: String(membership.organisation.id) }}
        size="sm"
      >
        {membership.organisation.name}
      </AnchorLink>
    );
  }
  if (membership.group) {
    return (
      <AnchorLink
        to="/organisations/$organisationId"
        params={{ organisationId: String(membership.group.id) }}
        size="sm"
      >
        {membership.group.name}
      </AnchorLink>
    );
  }
  return <Text size="sm">{membership.partnership?.name}</Text>;
}

/**
 * Memberships as a table: `side="group"` lists the groups an organisation belongs to, `side="member"` the
 * members of a group. Each row: kind, the other side, who signed, the note and the period.
 */
export function MembershipTable({
  memberships,
  side,
  caption,
}: {
  memberships: Membership[];
  side: 'group' | 'member';
  caption: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      minWidth={680}
      caption={caption}
      columns={[
        side === 'group' ? t('membership.columns.group') : t('membership.columns.member'),
        t('membership.columns.kind'),
        t('membership.columns.person'),
        t('membership.columns.note'),
        t('membership.columns.period'),
      ]}
      striped
      verticalSpacing="xs"
    >
      {memberships.map((membership) => (
        <Table.Tr key={membership.id}>
          <Table.Td miw={200}>
            <Party membership={membership} side={side} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{t(`membershipKind.${membership.kind}`)}</Text>
          </Table.Td>
          <Table.Td>
            {membership.person ? (
              <AnchorLink to="/people/$personId" params={{ personId: String(membership.person.id) }} size="sm">
                {membership.person.name}
              </AnchorLink>
            ) : (
              <Text size="sm">{t('common.none')}</Text>
            )}
          </Table.Td>
          <Table.Td maw={260}>
            <Text size="sm">{membership.note ?? t('common.none')}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {format.period(membership.from, membership.until) ?? t('common.none')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
