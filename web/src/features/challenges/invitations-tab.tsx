import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeDetail } from '../../../../contracts/challenges';
import { hasErrorCode } from '../../lib/api';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { OrganisationSelect } from '../organisations/organisation-select';
import { ResponseStatusBadge } from './challenge-parts';
import { useInvitations, useInviteOrganisations } from './challenges.api';

/** Inviting one more organisation by name; its own organisation and those invited already are refused here. */
function InviteByName({ challenge, invited }: { challenge: ChallengeDetail; invited: number[] }) {
  const { t } = useTranslation();
  const invite = useInviteOrganisations(challenge.id);
  const [organisationId, setOrganisationId] = useState<number | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const problem =
    organisationId === challenge.organisation.id
      ? t('challenges.invitations.ownOrganisation')
      : organisationId !== undefined && invited.includes(organisationId)
        ? t('challenges.invitations.alreadyInvited')
        : undefined;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <div style={{ flex: 1, maxWidth: 480 }}>
          <OrganisationSelect
            label={t('challenges.invitations.inviteLabel')}
            placeholder={t('challenges.invitations.invitePlaceholder')}
            value={organisationId}
            onChange={(id) => {
              setOrganisationId(id);
              setDone(null);
              invite.reset();
            }}
            error={problem}
          />
        </div>
        <Button
          disabled={organisationId === undefined || problem !== undefined}
          loading={invite.isPending}
          onClick={() => {
            if (organisationId === undefined) return;
            invite.mutate(
              { organisationIds: [organisationId] },
              {
                onSuccess: (list) => {
                  const name = list.items.find((i) => i.organisation.id === organisationId)?.organisation.name ?? '';
                  setDone(t('challenges.invitations.invited', { organisation: name }));
                  setOrganisationId(undefined);
                },
              },
            );
          }}
        >
          {t('challenges.invitations.invite')}
        </Button>
      </Group>
      {hasErrorCode(invite.error, 'conflict') ? (
        <Alert color="orange" role="alert">
          {t('challenges.invitations.notAccepting')}
        </Alert>
      ) : (
        <ApiErrorAlert error={invite.error} />
      )}
      {done ? (
        <Text size="sm" c="green.8" role="status">
          {done}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Einladungen": invited organisations and their response; more are invited by name. */
export function InvitationsTab({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invitations = useInvitations(challenge.id, true);
  const invited = (invitations.data?.items ?? []).map((i) => i.organisation.id);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {challenge.visibility === 'invite_only'
          ? t('challenges.invitations.hintInviteOnly')
          : t('challenges.invitations.hintPublic')}
      </Text>
      {challenge.canEdit && challenge.status === 'open' ? (
        <InviteByName challenge={challenge} invited={invited} />
      ) : null}
      <QueryState query={invitations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('challenges.invitations.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('challenges.invitations.columns.organisation')}</Table.Th>
                    <Table.Th>{t('challenges.invitations.columns.type')}</Table.Th>
                    <Table.Th>{t('challenges.invitations.columns.invitedAt')}</Table.Th>
                    <Table.Th>{t('challenges.invitations.columns.response')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((invitation) => (
                    <Table.Tr key={invitation.organisation.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/organisations/$organisationId"
                          params={{ organisationId: String(invitation.organisation.id) }}
                          size="sm"
                        >
                          {invitation.organisation.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`organisationType.${invitation.organisation.type}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{format.dateTime(invitation.invitedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {invitation.response ? (
                          <ResponseStatusBadge status={invitation.response.status} />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('challenges.invitations.noResponse')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
