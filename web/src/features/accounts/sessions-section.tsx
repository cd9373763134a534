import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { type Session, useRevokeSession, useSessions, useSignOut, useSignOutEverywhere } from './accounts.api';

/** "Chrome auf Linux" from a user-agent string; null when it says nothing recognisable. */
function describeUserAgent(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
      ['curl/', 'curl'],
    ].find(([needle]) => userAgent.includes(needle as string))?.[1] ?? null;
  const os =
    [
      ['Windows', 'Windows'],
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Mac OS X', 'macOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => userAgent.includes(needle as string))?.[1] ?? null;
  if (!browser) return null;
  return { browser, os: os ?? '' };
}

function SessionRow({ session, onEnd, isEnding }: { session: Session; onEnd: () => void; isEnding: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agent = describeUserAgent(session.userAgent);
  const device = agent
    ? agent.os
      ? t('account.deviceOn', { browser: agent.browser, os: agent.os })
      : agent.browser
    : t('account.unknownDevice');
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" title={session.userAgent ?? undefined}>
            {device}
          </Text>
          {session.isCurrent ? (
            <Badge variant="light" color="teal" radius="sm" tt="none">
              {t('account.thisSession')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>{format.dateTime(session.createdAt)}</Table.Td>
      <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
      <Table.Td>{format.dateTime(session.expiresAt)}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={onEnd}
          loading={isEnding}
          aria-label={`${t('account.endSession')}: ${device}, ${format.dateTime(session.createdAt)}`}
        >
          {t('account.endSession')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const [confirming, { open, close }] = useDisclosure(false);

  const end = (session: Session) => {
    // Ending this very session is signing out (the cookie goes too).
    if (session.isCurrent) signOut.mutate();
    else revoke.mutate(session.id);
  };

  return (
    <Section
      title={t('account.sessionsTitle')}
      description={t('account.sessionsIntro')}
      actions={
        <Group>
          <Button variant="light" color="red" onClick={open}>
            {t('account.signOutEverywhere')}
          </Button>
        </Group>
      }
    >
      <ApiErrorAlert error={revoke.error} />
      <QueryState query={sessions}>
        {(data) => (
          <DataTable
            minWidth={640}
            verticalSpacing="xs"
            striped
            columns={[t('account.device'), t('account.signedInAt'), t('account.lastSeenAt'), t('account.expiresAt')]}
            withActions
          >
            {data.items.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                onEnd={() => end(session)}
                isEnding={
                  (revoke.isPending && revoke.variables === session.id) || (session.isCurrent && signOut.isPending)
                }
              />
            ))}
          </DataTable>
        )}
      </QueryState>
      <ConfirmModal
        opened={confirming}
        title={t('account.signOutEverywhere')}
        confirmLabel={t('account.signOutEverywhereConfirm')}
        isPending={signOutEverywhere.isPending}
        error={<ApiErrorAlert error={signOutEverywhere.error} />}
        onClose={close}
        onConfirm={() => signOutEverywhere.mutate()}
      >
        {t('account.signOutEverywhereText')}
      </ConfirmModal>
    </Section>
  );
}
