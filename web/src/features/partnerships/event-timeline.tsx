import { Badge, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnershipEvent } from '../../../../contracts/partnerships';
import { AnchorLink } from '../../ui/links';
import { SourceToggle } from '../../ui/source-toggle';
import { usePartnershipFormat } from './partnership-format';

function Participants({ participants }: { participants: PartnershipEvent['participants'] }) {
  return (
    <List size="sm" spacing={2}>
      {participants.map((participant) => (
        <List.Item key={`${participant.personId ?? ''}:${participant.name}`}>
          {participant.personId ? (
            <AnchorLink to="/people/$personId" params={{ personId: String(participant.personId) }} size="sm">
              {participant.name}
            </AnchorLink>
          ) : (
            participant.name
          )}
          {participant.role ? (
            <Text span size="sm" c="dimmed">
              {' '}
              – {participant.role}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** A labelled block of an event: "Orte", "Teilnehmende", "Themen", "Vereinbart". */
function Part({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function EventItem({ event }: { event: PartnershipEvent }) {
  const { t } = useTranslation();
  const partnershipFormat = usePartnershipFormat();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>{event.title}</Text>
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {t(`partnerships.eventKind.${event.kind}`)}
        </Badge>
      </Group>
      <Text size="sm" c={event.date ? undefined : 'dimmed'}>
        {partnershipFormat.date(event.date, event.datePrecision)}
        {event.places.length > 0 ? ` · ${event.places.join(', ')}` : ''}
      </Text>
      {event.participants.length > 0 ? (
        <Part label={t('partnerships.participants')}>
          <Participants participants={event.participants} />
        </Part>
      ) : null}
      {event.topics.length > 0 ? (
        <Part label={t('partnerships.topics')}>
          <Group gap={6}>
            {event.topics.map((topic) => (
              <Badge key={topic} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                {topic}
              </Badge>
            ))}
          </Group>
        </Part>
      ) : null}
      {event.followUps.length > 0 ? (
        <Part label={t('partnerships.followUps')}>
          <List size="sm" spacing={2}>
            {event.followUps.map((followUp) => (
              <List.Item key={followUp}>{followUp}</List.Item>
            ))}
          </List>
        </Part>
      ) : null}
      <SourceToggle provenance={event.provenance} withLabel />
    </Stack>
  );
}

/** The partnership's events in order: agreement, delegation visits, talks, meetings. */
export function EventTimeline({ events }: { events: PartnershipEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Text c="dimmed">{t('partnerships.noEvents')}</Text>;
  return (
    <Timeline active={events.length} bulletSize={16} lineWidth={2}>
      {events.map((event) => (
        <Timeline.Item key={event.id}>
          <EventItem event={event} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
