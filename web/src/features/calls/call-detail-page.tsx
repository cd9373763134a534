import { Anchor, Badge, Button, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../../contracts/calls';
import { toLanguage } from '../../lib/i18n';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useMe } from '../accounts/accounts.api';
import { ApplicationFormModal } from './application-form-modal';
import { ApplicationStateBadge, CallStatusBadge, Deadline } from './call-status';
import { useCall, useCallApplications } from './calls.api';

const route = getRouteApi('/calls/$callId');

function Eligibility({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation();
  const e = call.eligibility;
  const language = toLanguage(i18n.resolvedLanguage);
  return (
    <Section title={t('calls.eligibility')} description={e.summary}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('calls.eligibleTypes')}>
          {e.types.length > 0 ? (
            <Group gap={6}>
              {e.types.map((type) => (
                <Badge key={type} variant="outline">
                  {t(`organisationType.${type}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            t('calls.anyType')
          )}
        </Fact>
        <Fact label={t('calls.eligibleRegions')}>
          {e.regions.length > 0 ? e.regions.map((r) => r.name).join(', ') : t('calls.anyRegion')}
        </Fact>
        <Fact label={t('calls.eligibleNace')}>
          {e.nace.length > 0 ? e.nace.map((n) => `${n.code} ${n.labels[language]}`).join('; ') : t('calls.anyNace')}
        </Fact>
        {e.note ? <Fact label={t('calls.eligibilityNote')}>{e.note}</Fact> : null}
      </Stack>
    </Section>
  );
}

function CallFacts({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = call.applications;
  return (
    <Section title={t('calls.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('calls.programme')}>
          <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(call.programme.id) }} size="sm">
            {call.programme.name}
          </AnchorLink>
        </Fact>
        <Fact label={t('calls.funder')}>{call.funderOrganisation?.name ?? call.funderName}</Fact>
        <Fact label={t('calls.budget')}>
          {call.budgetCents === null ? t('calls.budgetUnknown') : format.money(call.budgetCents)}
        </Fact>
        <Fact label={t('calls.opensOn')}>{call.opensOn ? format.date(call.opensOn) : t('common.none')}</Fact>
        <Fact label={t('calls.closesOn')}>{call.closesOn ? format.date(call.closesOn) : t('calls.noDeadline')}</Fact>
        {figures ? (
          <>
            <Fact label={t('calls.applicationCount')}>{format.number(figures.total)}</Fact>
            <Fact label={t('calls.requestedVsBudget')}>
              {call.budgetCents
                ? t('calls.ofBudget', {
                    requested: format.money(figures.requestedCents),
                    budget: format.money(call.budgetCents),
                    percent: format.number(Math.round((figures.requestedCents / call.budgetCents) * 100)),
                  })
                : format.money(figures.requestedCents)}
            </Fact>
            <Fact label={t('calls.approved')}>{format.money(figures.approvedCents)}</Fact>
          </>
        ) : null}
        {call.visibility !== 'public' ? (
          <Fact label={t('visibility.label')}>
            <VisibilityBadge visibility={call.visibility} />
          </Fact>
        ) : null}
      </Stack>
    </Section>
  );
}

function Applications({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const applications = useCallApplications(call.id, true);
  const items = applications.data?.items ?? [];
  return (
    <Section
      title={call.applications ? t('calls.applications') : t('calls.ownApplications')}
      description={call.applications ? t('calls.applicationsHint') : undefined}
    >
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('calls.noApplications')}
        </Text>
      ) : (
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('applications.columns.title')}</Table.Th>
              <Table.Th>{t('applications.columns.lead')}</Table.Th>
              <Table.Th>{t('applications.columns.submittedAt')}</Table.Th>
              <Table.Th>{t('applications.columns.state')}</Table.Th>
              <Table.Th ta="right">{t('applications.columns.requested')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <AnchorLink to="/applications/$applicationId" params={{ applicationId: String(a.id) }} size="sm">
                    {a.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {a.lead.name}
                    {a.partnerCount > 1 ? (
                      <Text
                        span
                        c="dimmed"
                        size="xs"
                      >{` + ${t('applications.partners', { count: a.partnerCount - 1 })}`}</Text>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.date(a.submittedAt.slice(0, 10))}</Text>
                </Table.Td>
                <Table.Td>
                  <ApplicationStateBadge state={a.state} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(a.requestedCents)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** A call: eligibility, documents, budget and deadlines; applying and — for staff — the applications. */
export function CallDetailPage() {
  const { t } = useTranslation();
  const { callId } = route.useParams();
  const id = parseRouteId(callId);
  const call = useCall(id);
  const me = useMe().data;
  const navigate = useNavigate();
  const [applying, setApplying] = useState(false);
  usePageTitle(call.data?.title ?? t('calls.title'));
  if (id === undefined) return <NotFoundState />;
  if (call.isPending) return <LoadingState />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  const data = call.data;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/calls" size="sm">
            {t('calls.title')}
          </AnchorLink>
        }
        current={data.title}
      />
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{data.title}</Title>
          <Group gap="sm">
            <CallStatusBadge status={data.status} />
            <Deadline call={data} />
          </Group>
        </Stack>
        <Group gap="sm">
          {data.canEdit ? (
            <ButtonLink to="/calls/$callId/edit" params={{ callId: String(data.id) }} variant="default">
              {t('common.edit')}
            </ButtonLink>
          ) : null}
          {me && data.status === 'open' ? <Button onClick={() => setApplying(true)}>{t('calls.apply')}</Button> : null}
          {!me && data.status === 'open' ? (
            <Text size="sm" c="dimmed">
              {t('calls.signInToApply')}
            </Text>
          ) : null}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {data.description ? (
              <Section title={t('calls.description')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>
              </Section>
            ) : null}
            <Eligibility call={data} />
            <Section title={t('calls.documents')}>
              {data.documents.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('calls.noDocuments')}
                </Text>
              ) : (
                <List>
                  {data.documents.map((d) => (
                    <List.Item key={d.url}>
                      <Anchor href={d.url} target="_blank" rel="noreferrer">
                        {d.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            {me ? <Applications call={data} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CallFacts call={data} />
        </Grid.Col>
      </Grid>
      {me ? (
        <ApplicationFormModal
          opened={applying}
          call={data}
          onClose={() => setApplying(false)}
          onSubmitted={(application) =>
            void navigate({ to: '/applications/$applicationId', params: { applicationId: String(application.id) } })
          }
        />
      ) : null}
    </Stack>
  );
}
