import { Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceBox } from '../../ui/provenance';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useCanEditOrganisation } from '../accounts/permissions';
import { OrganisationGrants } from '../grants/grants-section';
import { PartnerSuggestions } from '../matching/partner-suggestions';
import { useCountryName } from './country';
import { OrganisationFacts } from './organisation-facts';
import { OrganisationFormModal } from './organisation-form-modal';
import { OrganisationMemberships } from './organisation-memberships';
import { OrganisationPartners, OrganisationProgrammes } from './organisation-partners';
import { OrganisationPeople } from './organisation-people';
import { OrganisationProfile } from './organisation-profile';
import { organisationTypeColour } from './organisation-type-colour';
import { useOrganisation } from './organisations.api';

const route = getRouteApi('/organisations/$organisationId');

function EditButton({ organisation, onReload }: { organisation: OrganisationDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('common.edit')}
      </Button>
      <OrganisationFormModal
        opened={opened}
        organisation={organisation}
        onClose={() => setOpened(false)}
        onReload={onReload}
      />
    </>
  );
}

function OrganisationView({ organisation, onReload }: { organisation: OrganisationDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const canEdit = useCanEditOrganisation(organisation.id);
  const location = [organisation.city, organisation.country ? countryName(organisation.country) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/organisations" size="sm">
            {t('organisation.breadcrumb')}
          </AnchorLink>
        }
        current={organisation.name}
      />
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md">
          <Title order={1} size="h2" maw={880}>
            {organisation.name}
          </Title>
          {canEdit ? <EditButton organisation={organisation} onReload={onReload} /> : null}
        </Group>
        <Group gap="xs">
          <Badge variant="light" color={organisationTypeColour(organisation.type)} radius="sm" tt="none">
            {t(`organisationType.${organisation.type}`)}
          </Badge>
          <VisibilityBadge visibility={organisation.visibility} />
          {organisation.shortName && organisation.shortName !== organisation.name ? (
            <Text size="sm" fw={600}>
              {organisation.shortName}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {[
              location,
              organisation.sizeClass ? t(`sizeClass.${organisation.sizeClass}`) : null,
              t('count.projects', {
                count: organisation.projectCount,
                formatted: format.number(organisation.projectCount),
              }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <OrganisationProfile organisation={organisation} />
            <OrganisationMemberships organisation={organisation} />
            <OrganisationPeople organisation={organisation} />
            <OrganisationProgrammes organisation={organisation} />
            <OrganisationGrants organisationId={organisation.id} />
            <OrganisationPartners organisation={organisation} />
            <PartnerSuggestions organisationId={organisation.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <OrganisationFacts organisation={organisation} />
            <ProvenanceBox provenance={organisation.provenance} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function OrganisationDetailPage() {
  const { organisationId } = route.useParams();
  const id = parseRouteId(organisationId);
  const organisation = useOrganisation(id);
  usePageTitle(organisation.data?.name);

  if (id === undefined) return <NotFoundState />;
  if (organisation.isPending) return <LoadingState />;
  if (organisation.isError)
    return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return <OrganisationView organisation={organisation.data} onReload={() => void organisation.refetch()} />;
}
