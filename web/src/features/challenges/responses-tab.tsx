import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChallengeDetail,
  type ChallengeResponse,
  type ResponseDecision,
  responseMoves,
} from '../../../../contracts/challenges';
import { responseStatuses } from '../../../../contracts/matching';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { ResponseStatusBadge } from './challenge-parts';
import { useChallengeResponses, useSetResponseStatus } from './challenges.api';

type Status = ChallengeResponse['status'];

/** The label of a decision's button: "In die engere Wahl", "Auswählen", "Ablehnen", "Wieder aufnehmen". */
function decisionLabelKey(from: Status, to: ResponseDecision) {
  if (to === 'shortlisted') return from === 'declined' ? 'challenges.decide.reconsider' : 'challenges.decide.shortlist';
  return to === 'selected' ? 'challenges.decide.select' : 'challenges.decide.decline';
}

function ResponseCard({
  response,
  canDecide,
  isPending,
  onDecide,
}: {
  response: ChallengeResponse;
  canDecide: boolean;
  isPending: boolean;
  onDecide: (to: ResponseDecision) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const moves = canDecide ? responseMoves[response.status] : [];
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={response.organisation.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <AnchorLink
              to="/organisations/$organisationId"
              params={{ organisationId: String(response.organisation.id) }}
              fw={600}
            >
              {response.organisation.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {t('challenges.responses.submittedAt', { date: format.dateTime(response.createdAt) })}
              {response.updatedAt !== response.createdAt
                ? ` · ${t('challenges.responses.decidedAt', { date: format.dateTime(response.updatedAt) })}`
                : ''}
            </Text>
          </Stack>
          <ResponseStatusBadge status={response.status} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {response.summary}
        </Text>
        {moves.length > 0 ? (
          <Group gap="xs" justify="flex-end">
            {moves.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'declined' ? 'default' : to === 'selected' ? 'filled' : 'light'}
                color={to === 'selected' ? 'green' : undefined}
                disabled={isPending}
                onClick={() => onDecide(to)}
                aria-label={`${t(decisionLabelKey(response.status, to))}: ${response.organisation.name}`}
              >
                {t(decisionLabelKey(response.status, to))}
              </Button>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** "Einreichungen": the responses with their status; the owner shortlists, selects (from the shortlist) or declines. */
export function ResponsesTab({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const responses = useChallengeResponses(challenge.id, true);
  const decide = useSetResponseStatus(challenge.id);
  const [filter, setFilter] = useState<Status | 'all'>('all');
  const [selecting, setSelecting] = useState<ChallengeResponse | null>(null);
  const counts = challenge.responsesByStatus;
  const send = (response: ChallengeResponse, status: ResponseDecision) =>
    decide.mutate(
      { responseId: response.id, status, version: response.version },
      { onSuccess: () => setSelecting(null) },
    );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {challenge.canEdit ? t('challenges.responses.hint') : t('challenges.responses.staffHint')}
      </Text>
      {counts ? (
        <SegmentedControl
          aria-label={t('challenges.responses.filter')}
          value={filter}
          onChange={(value) => setFilter(value as Status | 'all')}
          data={[
            {
              value: 'all',
              label: `${t('challenges.responses.all')} (${format.number(challenge.responseCount)})`,
            },
            ...responseStatuses.map((status) => ({
              value: status,
              label: `${t(`challenges.responseStatus.${status}`)} (${format.number(counts[status])})`,
            })),
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {decide.error && !selecting ? (
        <ApiErrorAlert
          error={decide.error}
          onReload={() => {
            decide.reset();
            void responses.refetch();
          }}
        />
      ) : null}
      <QueryState query={responses}>
        {(data) => {
          const shown = data.items.filter((r) => filter === 'all' || r.status === filter);
          if (shown.length === 0) {
            return (
              <Text c="dimmed" size="sm">
                {data.items.length === 0 ? t('challenges.responses.none') : t('challenges.responses.noneWithStatus')}
              </Text>
            );
          }
          return shown.map((response) => (
            <ResponseCard
              key={response.id}
              response={response}
              canDecide={challenge.canEdit}
              isPending={decide.isPending}
              onDecide={(to) => (to === 'selected' ? setSelecting(response) : send(response, to))}
            />
          ));
        }}
      </QueryState>
      <Modal
        opened={selecting !== null}
        onClose={() => setSelecting(null)}
        title={t('challenges.decide.selectTitle')}
        centered
      >
        {selecting ? (
          <Stack gap="md">
            {decide.error ? <ApiErrorAlert error={decide.error} /> : null}
            <Text size="sm">{t('challenges.decide.selectText', { organisation: selecting.organisation.name })}</Text>
            <FormActions
              submitLabel={t('challenges.decide.select')}
              isPending={decide.isPending}
              onCancel={() => setSelecting(null)}
              onConfirm={() => send(selecting, 'selected')}
              color="green"
            />
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
