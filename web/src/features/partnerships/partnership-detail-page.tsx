import { Button, Grid, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, PartnershipDetail } from '../../../../contracts/partnerships';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceDetails } from '../../ui/provenance';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useIsStaff } from '../accounts/permissions';
import { EventFormModal } from './event-form-modal';
import { EventTimeline } from './event-timeline';
import { IndicatorCard } from './indicator-card';
import { IndicatorValueModal } from './indicator-value-modal';
import { usePartnershipFormat } from './partnership-format';
import { PartnershipThemes } from './partnership-themes';
import { usePartnership } from './partnerships.api';

const route = getRouteApi('/partnerships/$partnershipId');

function Agreement({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partnershipFormat = usePartnershipFormat();
  return (
    <Section title={t('partnerships.agreement')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('partnerships.signedOn')}
          </Text>
          <Text fw={600}>
            {partnership.agreementSignedOn
              ? partnershipFormat.date(partnership.agreementSignedOn, partnership.agreementPrecision)
              : t('common.notPublished')}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('partnerships.term')}
          </Text>
          <Text fw={600}>
            {partnership.agreementUntil
              ? t('partnerships.until', { date: format.date(partnership.agreementUntil) })
              : t('partnerships.openEnded')}
          </Text>
        </Stack>
      </SimpleGrid>
      <PartnershipThemes themes={partnership.themes} />
      {partnership.agreementProvenance ? <ProvenanceDetails provenance={partnership.agreementProvenance} /> : null}
    </Section>
  );
}

function Organisations({ organisations }: { organisations: PartnershipDetail['organisations'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('partnerships.organisations')} description={t('partnerships.organisationsIntro')}>
      {organisations.length === 0 ? (
        <Text c="dimmed">{t('partnerships.noOrganisations')}</Text>
      ) : (
        <List spacing={4} size="sm">
          {organisations.map((organisation) => (
            <List.Item key={organisation.id}>
              <AnchorLink
                to="/organisations/$organisationId"
                params={{ organisationId: String(organisation.id) }}
                size="sm"
              >
                {organisation.name}
              </AnchorLink>
              {organisation.note ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  – {organisation.note}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

function Indicators({ partnership, isStaff }: { partnership: PartnershipDetail; isStaff: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<Indicator | null>(null);
  const series = partnership.indicators.filter((indicator) => indicator.points.length > 1);
  const figures = partnership.indicators.filter((indicator) => indicator.points.length <= 1);
  return (
    <Section title={t('partnerships.indicators')} description={t('partnerships.indicatorsIntro')}>
      {partnership.indicators.length === 0 ? (
        <Text c="dimmed">{t('partnerships.noIndicators')}</Text>
      ) : (
        // Single figures three to a row; series get the room their charts need.
        [figures, series].map((group) =>
          group.length === 0 ? null : (
            <SimpleGrid
              key={group === series ? 'series' : 'figures'}
              cols={{ base: 1, sm: 2, lg: group === series ? 2 : 3 }}
              spacing="md"
            >
              {group.map((indicator) => (
                <IndicatorCard
                  key={indicator.key}
                  indicator={indicator}
                  onAddValue={
                    isStaff && indicator.source === 'reported' && indicator.id !== null
                      ? () => setAdding(indicator)
                      : undefined
                  }
                />
              ))}
            </SimpleGrid>
          ),
        )
      )}
      <IndicatorValueModal partnershipId={partnership.id} indicator={adding} onClose={() => setAdding(null)} />
    </Section>
  );
}

function Events({ partnership, isStaff }: { partnership: PartnershipDetail; isStaff: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Section
      title={t('partnerships.events')}
      actions={
        isStaff ? (
          <Button variant="default" w="fit-content" onClick={() => setOpened(true)}>
            {t('partnerships.addEvent')}
          </Button>
        ) : undefined
      }
    >
      <EventTimeline events={partnership.events} />
      <EventFormModal opened={opened} partnershipId={partnership.id} onClose={() => setOpened(false)} />
    </Section>
  );
}

/** One partnership of regions: agreement, indicators, the timeline of events and the organisations tied to it. */
export function PartnershipDetailPage() {
  const { t } = useTranslation();
  const { partnershipId } = route.useParams();
  const id = parseRouteId(partnershipId);
  const partnership = usePartnership(id);
  const isStaff = useIsStaff();
  usePageTitle(partnership.data?.name);

  if (id === undefined) return <NotFoundState />;
  if (partnership.isPending) return <LoadingState />;
  if (partnership.isError) return <ErrorState error={partnership.error} onRetry={() => void partnership.refetch()} />;

  const data = partnership.data;
  return (
    <Stack gap="xl">
      <Stack gap="md">
        <PageBreadcrumbs
          parent={
            <AnchorLink to="/partnerships" size="sm">
              {t('partnerships.title')}
            </AnchorLink>
          }
          current={data.name}
        />
        <Group gap="sm" align="center">
          <Title order={1}>{data.name}</Title>
          <VisibilityBadge visibility={data.visibility} />
        </Group>
        <Text c="dimmed">{data.regions.map((region) => `${region.name} (${region.country})`).join(' · ')}</Text>
        {data.description ? <Text maw={820}>{data.description}</Text> : null}
      </Stack>
      <Agreement partnership={data} />
      <Indicators partnership={data} isStaff={isStaff} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Events partnership={data} isStaff={isStaff} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Organisations organisations={data.organisations} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
