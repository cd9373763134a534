import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallListItem } from '../../../../contracts/calls';
import type { ApplicationState } from '../../../../contracts/funding';
import { useFormat } from '../../lib/use-format';

const statusColours = { open: 'green', upcoming: 'blue', closed: 'gray' } as const;

export function CallStatusBadge({ status }: { status: CallListItem['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColours[status]} variant="light">
      {t(`calls.status.${status}`)}
    </Badge>
  );
}

/** The deadline in words: "noch 12 Tage" (until 31.03.2026), "öffnet in 3 Tagen", "beendet am …". */
export function Deadline({ call }: { call: CallListItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (call.status === 'open' && call.daysLeft !== null) {
    return (
      <Text size="sm" fw={call.daysLeft <= 7 ? 600 : undefined} c={call.daysLeft <= 7 ? 'orange.8' : undefined}>
        {call.daysLeft === 0 ? t('calls.closesToday') : t('calls.daysLeft', { count: call.daysLeft })}
        {call.closesOn ? (
          <Text span size="xs" c="dimmed">{` · ${t('calls.until', { date: format.date(call.closesOn) })}`}</Text>
        ) : null}
      </Text>
    );
  }
  if (call.status === 'open') return <Text size="sm">{t('calls.noDeadline')}</Text>;
  if (call.status === 'upcoming' && call.opensOn) {
    return (
      <Text size="sm">
        {t('calls.opensIn', { count: call.opensInDays ?? 0 })}
        <Text span size="xs" c="dimmed">{` · ${format.date(call.opensOn)}`}</Text>
      </Text>
    );
  }
  return (
    <Text size="sm">
      {call.closesOn ? t('calls.closedOn', { date: format.date(call.closesOn) }) : t('common.none')}
    </Text>
  );
}

const stateColours: Record<ApplicationState, string> = {
  submitted: 'blue',
  under_review: 'yellow',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColours[state]} variant="light">
      {t(`applications.state.${state}`)}
    </Badge>
  );
}
