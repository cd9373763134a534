import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';
import { useIsStaff } from '../accounts/permissions';
import { MembershipFormModal } from './membership-form-modal';
import { MembershipTable } from './membership-table';

/** Types whose organisations gather members: clusters, alliances, networks and dialogues. */
export function isGroupType(type: OrganisationDetail['type']): boolean {
  return type === 'cluster_organisation' || type === 'network_alliance';
}

function AddButton({ organisation, side }: { organisation: OrganisationDetail; side: 'group' | 'member' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Group>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>
        {side === 'group' ? t('membershipForm.titleGroup') : t('membershipForm.titleMember')}
      </Button>
      <MembershipFormModal opened={opened} organisation={organisation} side={side} onClose={() => setOpened(false)} />
    </Group>
  );
}

/** The groups an organisation belongs to and, for a group, its members; staff may add either. */
export function OrganisationMemberships({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isStaff = useIsStaff();
  const showsMembers = organisation.members.length > 0 || isGroupType(organisation.type);
  return (
    <>
      <Section
        title={t('organisation.memberships')}
        description={t('organisation.membershipsDescription')}
        actions={isStaff ? <AddButton organisation={organisation} side="group" /> : undefined}
      >
        {organisation.memberships.length === 0 ? (
          <Text c="dimmed">{t('organisation.noMemberships')}</Text>
        ) : (
          <MembershipTable
            memberships={organisation.memberships}
            side="group"
            caption={t('organisation.memberships')}
          />
        )}
      </Section>
      {showsMembers ? (
        <Section
          title={t('organisation.members', { formatted: format.number(organisation.members.length) })}
          actions={isStaff ? <AddButton organisation={organisation} side="member" /> : undefined}
        >
          {organisation.members.length === 0 ? (
            <Text c="dimmed">{t('organisation.noMembers')}</Text>
          ) : (
            <MembershipTable
              memberships={organisation.members}
              side="member"
              caption={t('organisation.membersCaption')}
            />
          )}
        </Section>
      ) : null}
    </>
  );
}
