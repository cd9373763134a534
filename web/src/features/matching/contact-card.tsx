import { Anchor, Button, Collapse, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Party } from '../../../../contracts/profiles';
import { todayIsoDate } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { ContactStageBadge } from './contact-stage';
import { ContactTimeline } from './contact-timeline';
import { type ContactMove, ContactTransitionModal, moveName } from './contact-transition-modal';
import { ProfileKindBadge, usePartyFacts, usePartyLine } from './profile-badges';

function PartyName({ party }: { party: Party }) {
  const partyLine = usePartyLine();
  const partyFacts = usePartyFacts();
  if (!party.organisation) {
    return (
      <Text span size="sm" fs="italic">
        {partyLine(party)}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <AnchorLink
        to="/organisations/$organisationId"
        params={{ organisationId: String(party.organisation.id) }}
        size="sm"
      >
        {party.organisation.name}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {partyFacts(party)}
      </Text>
    </Stack>
  );
}

/** The buttons of the moves this reader may make; rating waits for the follow-up date. */
function ContactMoves({ contact, onMove }: { contact: Contact; onMove: (to: ContactMove) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const moves = contact.allowedTransitions.filter((to): to is ContactMove => to !== 'interest');
  if (moves.length === 0) return null;
  const isRatingEarly =
    contact.stage === 'meeting' && contact.followUpDue !== null && todayIsoDate() < contact.followUpDue;
  return (
    <Group gap="xs">
      {moves.map((to) =>
        to === 'rated' && isRatingEarly ? (
          <Text key={to} size="xs" c="dimmed">
            {t('matching.contacts.rateFrom', { date: format.date(contact.followUpDue ?? '') })}
          </Text>
        ) : (
          <Button
            key={to}
            size="xs"
            variant={to === 'declined' ? 'default' : 'light'}
            color={to === 'declined' ? 'red' : undefined}
            onClick={() => onMove(to)}
          >
            {t(`matching.contacts.move.${moveName(contact, to)}`)}
          </Button>
        ),
      )}
    </Group>
  );
}

/**
 * One contact of the funnel: stage, the profile it is about, both sides (the addressee anonymous
 * until brokered, when the API hides it), the three answers, dates and what came of it, the moves
 * this reader may make, and the timeline on demand.
 */
export function ContactCard({ contact, onReload }: { contact: Contact; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [move, setMove] = useState<ContactMove | null>(null);
  const [history, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={`contact-${contact.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
            <Group gap={6}>
              <ContactStageBadge stage={contact.stage} />
              {contact.profile ? <ProfileKindBadge kind={contact.profile.kind} /> : null}
              <Text size="xs" c="dimmed">
                {t('matching.contacts.since', { date: format.date(contact.createdAt.slice(0, 10)) })}
                {' · '}
                {contact.roles.map((r) => t(`matching.contacts.role.${r}`)).join(', ')}
              </Text>
            </Group>
            <Text id={`contact-${contact.id}`} fw={600}>
              {contact.profile ? (
                <AnchorLink to="/matching/profiles/$profileId" params={{ profileId: String(contact.profile.id) }}>
                  {contact.profile.title}
                </AnchorLink>
              ) : (
                t('matching.contacts.directInterest')
              )}
            </Text>
          </Stack>
          <ContactMoves contact={contact} onMove={setMove} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('matching.contacts.from')}>
            <PartyName party={contact.from} />
          </Fact>
          <Fact label={t('matching.contacts.to')}>
            <PartyName party={contact.to} />
          </Fact>
          <Fact label={t('matching.contacts.agency')}>
            {contact.agency ? contact.agency.name : t('matching.contacts.noAgency')}
          </Fact>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('matching.interest.cooperation')}>
            <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
              {contact.cooperation}
            </Text>
          </Fact>
          <Fact label={t('matching.interest.unclear')}>
            <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
              {contact.unclear ?? t('common.none')}
            </Text>
          </Fact>
          <Fact label={t('matching.interest.about')}>
            <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
              {contact.about}
            </Text>
          </Fact>
        </SimpleGrid>
        {contact.meetingOn || contact.rating || contact.project || contact.grant ? (
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md" component="dl" m={0}>
            {contact.meetingOn ? (
              <Fact label={t('matching.contacts.meetingOn')}>{format.date(contact.meetingOn)}</Fact>
            ) : null}
            {contact.followUpDue && contact.stage === 'meeting' ? (
              <Fact label={t('matching.contacts.followUpDue')}>{format.date(contact.followUpDue)}</Fact>
            ) : null}
            {contact.rating ? (
              <Fact label={t('matching.contacts.rating')}>{t(`matching.rating.${contact.rating}`)}</Fact>
            ) : null}
            {contact.project ? (
              <Fact label={t('matching.contacts.project')}>
                <AnchorLink to="/projects/$projectId" params={{ projectId: String(contact.project.id) }} size="sm">
                  {contact.project.title}
                </AnchorLink>
              </Fact>
            ) : null}
            {contact.grant ? (
              <Fact label={t('matching.contacts.grant')}>
                <AnchorLink to="/grants/$grantId" params={{ grantId: String(contact.grant.id) }} size="sm">
                  {contact.grant.title}
                </AnchorLink>
              </Fact>
            ) : null}
          </SimpleGrid>
        ) : null}
        <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={history} ta="left">
          {history ? t('matching.contacts.hideHistory') : t('matching.contacts.showHistory')}
        </Anchor>
        <Collapse expanded={history}>{history ? <ContactTimeline contactId={contact.id} /> : null}</Collapse>
      </Stack>
      <ContactTransitionModal contact={contact} to={move} onClose={() => setMove(null)} onReload={onReload} />
    </Paper>
  );
}
