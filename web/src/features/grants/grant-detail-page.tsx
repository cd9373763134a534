import { Alert, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../../../contracts/funding';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceBox } from '../../ui/provenance';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useIsStaff } from '../accounts/permissions';
import { CoFinancingBar } from './co-financing-bar';
import { GrantConsortium } from './grant-consortium';
import { GrantLinesTable } from './grant-lines-table';
import { PayoutBar } from './grant-table';
import { useGrant } from './grants.api';
import { RecordLinesForm } from './record-lines-form';

const route = getRouteApi('/grants/$grantId');

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="xl" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {children}
    </Stack>
  );
}

function GrantHeader({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = format.period(grant.periodStart, grant.periodEnd);
  return (
    <Stack gap="md">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/grants" size="sm">
            {t('grants.title')}
          </AnchorLink>
        }
        current={grant.reference ?? grant.title}
      />
      <Stack gap={6}>
        {grant.reference ? (
          <Text size="sm" c="dimmed" ff="monospace">
            {grant.reference}
          </Text>
        ) : null}
        <Group gap="sm" align="center">
          <Title order={1} size="h2" maw={880}>
            {grant.title}
          </Title>
          <VisibilityBadge visibility={grant.visibility} />
        </Group>
        <Text c="dimmed">
          {[
            t('grant.fundedBy', { funder: grant.funderOrganisation?.name ?? grant.funderName }),
            grant.decidedOn ? t('grant.decidedOnText', { date: format.date(grant.decidedOn) }) : null,
            period,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure label={t('grant.amount')} value={format.money(grant.amountCents)} />
        <Figure label={t('grant.committed')} value={format.money(grant.committedCents)} />
        <Figure label={t('grant.disbursed')} value={format.money(grant.disbursedCents)}>
          <PayoutBar committedCents={grant.committedCents} disbursedCents={grant.disbursedCents} />
        </Figure>
      </SimpleGrid>
    </Stack>
  );
}

function GrantFacts({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('grant.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('grant.project')}>
          <AnchorLink to="/projects/$projectId" params={{ projectId: String(grant.project.id) }} size="sm">
            {grant.project.title}
          </AnchorLink>
        </Fact>
        <Fact label={t('grant.programme')}>
          <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(grant.programme.id) }} size="sm">
            {grant.programme.name}
          </AnchorLink>
        </Fact>
        <Fact label={t('grant.funder')}>
          {grant.funderOrganisation ? (
            <AnchorLink
              to="/organisations/$organisationId"
              params={{ organisationId: String(grant.funderOrganisation.id) }}
              size="sm"
            >
              {grant.funderOrganisation.name}
            </AnchorLink>
          ) : (
            grant.funderName
          )}
        </Fact>
        <Fact label={t('grant.decidedOn')}>
          {grant.decidedOn ? format.date(grant.decidedOn) : t('common.notPublished')}
        </Fact>
        <Fact label={t('grant.period')}>
          {format.period(grant.periodStart, grant.periodEnd) ?? t('common.notPublished')}
        </Fact>
        {grant.call ? <Fact label={t('grant.call')}>{grant.call.title}</Fact> : null}
      </Stack>
    </Section>
  );
}

function GrantView({ grant, onReload }: { grant: GrantDetail; onReload: () => void }) {
  const { t } = useTranslation();
  // Signed-in staff see the form; the server decides (403 for those without the programme's funding rights).
  const mayRecord = useIsStaff();
  return (
    <Stack gap="lg">
      <GrantHeader grant={grant} />
      {grant.warnings.length > 0 ? (
        <Stack gap="xs">
          {grant.warnings.map((warning) => (
            <Alert key={`${warning.code}:${warning.message}`} color="orange" title={t('grant.warning')} role="alert">
              {warning.message}
            </Alert>
          ))}
        </Stack>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {grant.purpose ? (
              <Section title={t('grant.purpose')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{grant.purpose}</Text>
              </Section>
            ) : null}
            <GrantConsortium grant={grant} />
            <GrantLinesTable grant={grant} />
            {mayRecord ? <RecordLinesForm grant={grant} onReload={onReload} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Section title={t('coFinancing.title')}>
              <CoFinancingBar coFinancing={grant.coFinancing} />
            </Section>
            <GrantFacts grant={grant} />
            <ProvenanceBox provenance={grant.provenance} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function GrantDetailPage() {
  const { grantId } = route.useParams();
  const id = parseRouteId(grantId);
  const grant = useGrant(id);
  usePageTitle(grant.data?.title);

  if (id === undefined) return <NotFoundState />;
  if (grant.isPending) return <LoadingState />;
  if (grant.isError) return <ErrorState error={grant.error} onRetry={() => void grant.refetch()} />;
  return <GrantView grant={grant.data} onReload={() => void grant.refetch()} />;
}
