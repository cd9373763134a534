import { Alert, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeDetail } from '../../../../contracts/challenges';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { Fact } from '../../ui/fact';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import {
  ChallengeDeadline,
  ChallengeStatusBadge,
  ChallengeVisibilityBadge,
  ConceptChips,
  ResponseStatusBadge,
} from './challenge-parts';
import { type ChallengeTab, challengeTabs } from './challenge-search';
import { useChallenge, useChallengeResponses, useCloseChallenge } from './challenges.api';
import { InvitationsTab } from './invitations-tab';
import { speaksForEveryOrganisation, spokenForOrganisationIds } from './own-organisations';
import { ResponseFormModal } from './response-form';
import { ResponsesTab } from './responses-tab';
import { SuggestionsTab } from './suggestions-tab';

const route = getRouteApi('/challenges/$challengeId');

function ChallengeFacts({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('challenges.detail.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('challenges.detail.organisation')}>
          <AnchorLink
            to="/organisations/$organisationId"
            params={{ organisationId: String(challenge.organisation.id) }}
            size="sm"
          >
            {challenge.organisation.name}
          </AnchorLink>
        </Fact>
        <Fact label={t('challenges.detail.deadline')}>
          <ChallengeDeadline challenge={challenge} />
        </Fact>
        <Fact label={t('challenges.detail.status')}>
          <ChallengeStatusBadge status={challenge.status} />
        </Fact>
        <Fact label={t('challenges.detail.visibility')}>
          <ChallengeVisibilityBadge visibility={challenge.visibility} />
        </Fact>
        <Fact label={t('challenges.detail.language')}>{t(`challenges.languages.${challenge.language}`)}</Fact>
        <Fact label={t('challenges.detail.responseCount')}>{format.number(challenge.responseCount)}</Fact>
        {challenge.invitationCount !== null ? (
          <Fact label={t('challenges.detail.invitationCount')}>{format.number(challenge.invitationCount)}</Fact>
        ) : null}
        <Fact label={t('challenges.detail.postedOn')}>{format.date(challenge.createdAt)}</Fact>
      </Stack>
    </Section>
  );
}

/** The owner side's (and staff's) work on a challenge: responses, invitations, suggestions; the tab is in the URL. */
function OwnerTabs({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tab = 'responses' } = route.useSearch();
  const navigate = route.useNavigate();
  const labels: Record<ChallengeTab, string> = {
    responses: `${t('challenges.tabs.responses')} (${format.number(challenge.responseCount)})`,
    invitations: `${t('challenges.tabs.invitations')} (${format.number(challenge.invitationCount ?? 0)})`,
    suggestions: t('challenges.tabs.suggestions'),
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Tabs
        value={tab}
        onChange={(next) =>
          void navigate({
            search: { tab: next === 'responses' || next === null ? undefined : (next as ChallengeTab) },
            replace: true,
            resetScroll: false,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {challengeTabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {labels[key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="responses">
          <ResponsesTab challenge={challenge} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsTab challenge={challenge} />
        </Tabs.Panel>
        <Tabs.Panel value="suggestions">
          <SuggestionsTab challenge={challenge} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

/** A firm's own responses to the challenge, with their status. */
function OwnResponses({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const responses = useChallengeResponses(challenge.id, true);
  const items = responses.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Section title={t('challenges.detail.ownResponses')}>
      {items.map((r) => (
        <Stack key={r.id} gap={6}>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {r.organisation.name}
            </Text>
            <ResponseStatusBadge status={r.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('challenges.responses.submittedAt', { date: format.dateTime(r.createdAt) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {r.summary}
          </Text>
        </Stack>
      ))}
    </Section>
  );
}

/** Who may answer, and how: the button, or why not. */
function useResponding(challenge: ChallengeDetail) {
  const me = useMe().data;
  // All responses for the owner side and staff, the reader's own for everyone else (one query, shared with the tab).
  const responses = useChallengeResponses(challenge.id, Boolean(me));
  const every = speaksForEveryOrganisation(me);
  const own = spokenForOrganisationIds(me).filter((id) => id !== challenge.organisation.id);
  const answered = (responses.data?.items ?? []).map((r) => r.organisation.id).filter((id) => own.includes(id));
  const candidates = own.filter((id) => !answered.includes(id));
  return {
    me,
    answered,
    speaksForSome: every || own.length > 0,
    canRespond: Boolean(me) && challenge.status === 'open' && !challenge.canEdit && (every || candidates.length > 0),
    hasAnsweredAll: !every && own.length > 0 && candidates.length === 0,
  };
}

/** A challenge: problem, owner, concepts, deadline; answering for firms; responses, invitations and suggestions for the owner. */
export function ChallengeDetailPage() {
  const { t } = useTranslation();
  const { challengeId } = route.useParams();
  const id = parseRouteId(challengeId);
  const challenge = useChallenge(id);
  usePageTitle(challenge.data?.title ?? t('challenges.title'));
  if (id === undefined) return <NotFoundState />;
  if (challenge.isPending) return <LoadingState />;
  if (challenge.isError) return <ErrorState error={challenge.error} onRetry={() => void challenge.refetch()} />;
  return <ChallengeView challenge={challenge.data} />;
}

function ChallengeView({ challenge: data }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const [responding, setResponding] = useState(false);
  const [closing, setClosing] = useState(false);
  const [sent, setSent] = useState(false);
  const close = useCloseChallenge(data.id);
  const respond = useResponding(data);
  const isInsider = data.responsesByStatus !== null;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/challenges" size="sm">
            {t('challenges.title')}
          </AnchorLink>
        }
        current={data.title}
      />
      <Group justify="space-between" align="flex-start">
        <Stack gap={6} maw={820}>
          <Text size="sm" c="dimmed">
            {t('challenges.detail.kicker', { organisation: data.organisation.name })}
          </Text>
          <Title order={1}>{data.title}</Title>
          <Group gap="sm">
            <ChallengeStatusBadge status={data.status} />
            <ChallengeVisibilityBadge visibility={data.visibility} />
            <ChallengeDeadline challenge={data} />
          </Group>
        </Stack>
        <Group gap="sm">
          {data.canEdit && data.status === 'open' ? (
            <>
              <ButtonLink
                to="/challenges/$challengeId/edit"
                params={{ challengeId: String(data.id) }}
                variant="default"
              >
                {t('common.edit')}
              </ButtonLink>
              <Button variant="default" color="red" onClick={() => setClosing(true)}>
                {t('challenges.close.button')}
              </Button>
            </>
          ) : null}
          {respond.canRespond ? (
            <Button onClick={() => setResponding(true)}>{t('challenges.respond.button')}</Button>
          ) : null}
        </Group>
      </Group>
      {sent ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setSent(false)}>
          {t('challenges.respond.sent')}
        </Alert>
      ) : null}
      {!respond.me && data.status === 'open' ? (
        <Text size="sm" c="dimmed">
          {t('challenges.respond.signIn')}{' '}
          <AnchorLink to="/login" search={{ redirect: `/challenges/${data.id}` }} size="sm">
            {t('challenges.respond.signInLink')}
          </AnchorLink>
        </Text>
      ) : null}
      {respond.me && !data.canEdit && data.status === 'open' && !respond.speaksForSome ? (
        <Text size="sm" c="dimmed">
          {t('challenges.respond.noOrganisation')}
        </Text>
      ) : null}
      {respond.me && !data.canEdit && data.status === 'open' && respond.hasAnsweredAll && !sent ? (
        <Text size="sm" c="dimmed">
          {t('challenges.respond.answeredAll')}
        </Text>
      ) : null}
      {data.status === 'closed' && !data.canEdit ? (
        <Text size="sm" c="dimmed">
          {t('challenges.respond.notAccepting')}
        </Text>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section title={t('challenges.detail.problem')}>
              <Text style={{ whiteSpace: 'pre-line' }} lang={data.language}>
                {data.problem}
              </Text>
            </Section>
            <Section title={t('challenges.detail.concepts')} description={t('challenges.detail.conceptsHint')}>
              <ConceptChips concepts={data.concepts} size="lg" />
            </Section>
            {respond.me && !isInsider ? <OwnResponses challenge={data} /> : null}
            {isInsider ? <OwnerTabs challenge={data} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ChallengeFacts challenge={data} />
        </Grid.Col>
      </Grid>
      {respond.me ? (
        <ResponseFormModal
          opened={responding}
          challenge={data}
          answered={respond.answered}
          onClose={() => setResponding(false)}
          onSubmitted={() => {
            setResponding(false);
            setSent(true);
          }}
        />
      ) : null}
      <ConfirmModal
        opened={closing}
        title={t('challenges.close.title')}
        confirmLabel={t('challenges.close.confirm')}
        isPending={close.isPending}
        error={close.error ? <ApiErrorAlert error={close.error} /> : undefined}
        onConfirm={() => close.mutate({ version: data.version }, { onSuccess: () => setClosing(false) })}
        onClose={() => {
          close.reset();
          setClosing(false);
        }}
      >
        {t('challenges.close.text')}
      </ConfirmModal>
    </Stack>
  );
}
