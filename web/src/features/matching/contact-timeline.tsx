import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { QueryState } from '../../ui/page-states';
import { stageColours } from './contact-stage';
import { useContact } from './contacts.api';

/** The dated steps of a contact: who took them (unless hidden with the addressee) and their notes. */
export function ContactTimeline({ contactId }: { contactId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const contact = useContact(contactId, true);
  return (
    <QueryState query={contact}>
      {(data) => (
        <Timeline
          active={data.events.length - 1}
          bulletSize={14}
          lineWidth={2}
          aria-label={t('matching.contacts.history')}
        >
          {data.events.map((event) => (
            <Timeline.Item
              key={event.id}
              color={stageColours[event.stage]}
              title={
                event.rating
                  ? `${t(`matching.contactStage.${event.stage}`)}: ${t(`matching.rating.${event.rating}`)}`
                  : t(`matching.contactStage.${event.stage}`)
              }
            >
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {[format.dateTime(event.at), event.by].filter(Boolean).join(' · ')}
                </Text>
                {event.note ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {event.note}
                  </Text>
                ) : null}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </QueryState>
  );
}
