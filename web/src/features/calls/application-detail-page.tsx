import { Button, Grid, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../../contracts/calls';
import type { ApplicationState } from '../../../../contracts/funding';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { RequireSignIn } from '../accounts/require-sign-in';
import { ApplicationStateBadge } from './call-status';
import { useApplication } from './calls.api';
import { TransitionModal } from './transition-modal';

const route = getRouteApi('/applications/$applicationId');

function History({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('applications.history')}>
      <Timeline active={application.transitions.length - 1} bulletSize={14} lineWidth={2}>
        {application.transitions.map((entry) => (
          <Timeline.Item
            key={entry.id}
            title={
              <Group gap="xs">
                <ApplicationStateBadge state={entry.to} />
                <Text size="sm" c="dimmed">
                  {format.dateTime(entry.at)}
                  {entry.by ? ` · ${entry.by}` : ''}
                </Text>
              </Group>
            }
          >
            {entry.comment ? <Text size="sm">{entry.comment}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

function Consortium({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('applications.consortium')}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('applications.columns.organisation')}</Table.Th>
            <Table.Th>{t('applications.columns.role')}</Table.Th>
            <Table.Th ta="right">{t('applications.columns.requested')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {application.partners.map((p) => (
            <Table.Tr key={p.organisationId}>
              <Table.Td>
                <AnchorLink
                  to="/organisations/$organisationId"
                  params={{ organisationId: String(p.organisationId) }}
                  size="sm"
                >
                  {p.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`applications.role.${p.role}`)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.money(p.requestedCents)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function ApplicationView({ id }: { id: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const application = useApplication(id);
  const [moveTo, setMoveTo] = useState<ApplicationState | null>(null);
  usePageTitle(application.data?.title ?? t('applications.title'));
  if (application.isPending) return <LoadingState />;
  if (application.isError) return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/calls/$callId" params={{ callId: String(data.call.id) }} size="sm">
            {data.call.title}
          </AnchorLink>
        }
        current={data.title}
      />
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{data.title}</Title>
          <Group gap="sm">
            <ApplicationStateBadge state={data.state} />
            <Text size="sm" c="dimmed">
              {t('applications.submittedOn', { date: format.dateTime(data.submittedAt) })}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {data.allowedTransitions.map((to) => (
            <Button
              key={to}
              variant={to === 'approved' || to === 'under_review' ? 'filled' : 'light'}
              color={to === 'rejected' || to === 'withdrawn' ? 'red' : to === 'approved' ? 'green' : undefined}
              onClick={() => setMoveTo(to)}
            >
              {t(`transition.action.${to}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {data.summary ? (
              <Section title={t('applications.summary')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{data.summary}</Text>
              </Section>
            ) : null}
            <Consortium application={data} />
            <History application={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title={t('applications.facts')}>
            <Stack gap="sm" component="dl" m={0}>
              <Fact label={t('applications.call')}>
                <AnchorLink to="/calls/$callId" params={{ callId: String(data.call.id) }} size="sm">
                  {data.call.title}
                </AnchorLink>
              </Fact>
              <Fact label={t('applications.requested')}>{format.money(data.requestedCents)}</Fact>
              <Fact label={t('applications.period')}>
                {format.period(data.periodStart, data.periodEnd) ?? t('common.none')}
              </Fact>
              <Fact label={t('applications.submittedBy')}>{data.submittedBy ?? t('common.none')}</Fact>
              {data.grantId ? (
                <Fact label={t('applications.grant')}>
                  <AnchorLink to="/grants/$grantId" params={{ grantId: String(data.grantId) }} size="sm">
                    {t('applications.toGrant')}
                  </AnchorLink>
                </Fact>
              ) : null}
              {data.projectId ? (
                <Fact label={t('applications.project')}>
                  <AnchorLink to="/projects/$projectId" params={{ projectId: String(data.projectId) }} size="sm">
                    {t('applications.toProject')}
                  </AnchorLink>
                </Fact>
              ) : null}
            </Stack>
          </Section>
        </Grid.Col>
      </Grid>
      <TransitionModal
        application={data}
        to={moveTo}
        onClose={() => setMoveTo(null)}
        onReload={() => void application.refetch()}
      />
    </Stack>
  );
}

/** An application with its consortium, dated history and the moves the reader may make. */
export function ApplicationDetailPage() {
  const { applicationId } = route.useParams();
  const id = parseRouteId(applicationId);
  if (id === undefined) return <NotFoundState />;
  return (
    <RequireSignIn>
      <ApplicationView id={id} />
    </RequireSignIn>
  );
}
