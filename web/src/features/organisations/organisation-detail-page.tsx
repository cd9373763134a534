import { Anchor, Badge, Breadcrumbs, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceBox } from '../../ui/provenance';
import { useRegionLevelLabel } from '../../ui/region-level';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useCountryName } from './country';
import { organisationTypeColour } from './organisation-type-colour';
import { useOrganisation } from './organisations.api';
import { PartnerGraph } from './partner-graph';

const route = getRouteApi('/organisations/$organisationId');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function RegionPath({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const levelLabel = useRegionLevelLabel();
  const path =
    organisation.regionPath.length > 0 ? organisation.regionPath : organisation.region ? [organisation.region] : [];
  if (path.length === 0) return <>{t('organisation.noRegion')}</>;
  const isAmbiguous = (name: string) => path.filter((region) => region.name === name).length > 1;
  return (
    <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
      {path.map((region) => (
        <AnchorLink
          key={region.id}
          to="/organisations"
          search={{ regionId: region.id }}
          size="sm"
          title={`${levelLabel(region.level)} · ${t('organisations.organisationsInRegion', { name: region.name })}`}
        >
          {isAmbiguous(region.name) ? `${region.name} (${levelLabel(region.level)})` : region.name}
        </AnchorLink>
      ))}
    </Breadcrumbs>
  );
}

function websiteHref(value: string): string | null {
  const href = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    return new URL(href).protocol.startsWith('http') ? href : null;
  } catch {
    return null;
  }
}

function Identifiers({ identifiers }: { identifiers: OrganisationDetail['identifiers'] }) {
  const { t } = useTranslation();
  if (identifiers.length === 0) return <>{t('organisation.noIdentifiers')}</>;
  return (
    <Stack gap={2} component="span">
      {identifiers.map((identifier) => {
        const href = identifier.scheme === 'website' ? websiteHref(identifier.value) : null;
        return (
          <Text span size="sm" key={`${identifier.scheme}:${identifier.value}`} style={{ overflowWrap: 'anywhere' }}>
            <Text span size="sm" c="dimmed">
              {t(`organisation.identifierScheme.${identifier.scheme}`)}:
            </Text>{' '}
            {href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                {identifier.value}
              </Anchor>
            ) : (
              identifier.value
            )}
          </Text>
        );
      })}
    </Stack>
  );
}

function OrganisationFacts({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const address = [
    { key: 'street', line: organisation.street },
    { key: 'city', line: organisation.city },
    { key: 'country', line: organisation.country ? countryName(organisation.country) : null },
  ].filter((part): part is { key: string; line: string } => Boolean(part.line));
  return (
    <Section title={t('organisation.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('organisation.address')}>
          {address.length > 0
            ? address.map(({ key, line }) => (
                <Text span size="sm" display="block" key={key}>
                  {line}
                </Text>
              ))
            : t('organisation.noAddress')}
        </Fact>
        <Fact label={t('organisation.region')}>
          <RegionPath organisation={organisation} />
        </Fact>
        <Fact label={t('organisation.identifiers')}>
          <Identifiers identifiers={organisation.identifiers} />
        </Fact>
        {organisation.aliases.length > 0 ? (
          <Fact label={t('organisation.aliases')}>
            <List size="sm" spacing={2} component="span" display="block">
              {organisation.aliases.map((alias) => (
                <List.Item key={alias}>{alias}</List.Item>
              ))}
            </List>
          </Fact>
        ) : null}
      </Stack>
    </Section>
  );
}

function Programmes({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('organisation.programmes')} description={t('organisation.programmesDescription')}>
      {organisation.programmes.length === 0 ? (
        <Text c="dimmed">{t('organisation.noProgrammes')}</Text>
      ) : (
        <DataTable
          minWidth={360}
          columns={[t('organisation.programmes'), t('organisation.projectCount')]}
          verticalSpacing="xs"
        >
          {organisation.programmes.map((programme) => (
            <Table.Tr key={programme.id}>
              <Table.Td>
                <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(programme.id) }} size="sm">
                  {programme.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td w={120}>
                <Text size="sm">{format.number(programme.projectCount)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

function Partners({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  return (
    <Section title={t('organisation.partners')} description={t('organisation.partnersDescription')}>
      {organisation.partners.length === 0 ? (
        <Text c="dimmed">{t('organisation.noPartners')}</Text>
      ) : (
        <>
          <PartnerGraph organisation={organisation} />
          <DataTable
            minWidth={760}
            caption={t('organisation.partnerTableCaption')}
            columns={[
              t('organisation.partnerColumns.name'),
              t('organisation.partnerColumns.type'),
              t('organisation.partnerColumns.country'),
              t('organisation.partnerColumns.sharedProjects'),
              t('organisation.partnerColumns.programmes'),
            ]}
            striped
            verticalSpacing="xs"
          >
            {organisation.partners.map((partner) => (
              <Table.Tr key={partner.organisationId}>
                <Table.Td miw={220}>
                  <AnchorLink
                    to="/organisations/$organisationId"
                    params={{ organisationId: String(partner.organisationId) }}
                    size="sm"
                  >
                    {partner.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`organisationType.${partner.type}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{partner.country ? countryName(partner.country) : t('common.none')}</Text>
                </Table.Td>
                <Table.Td w={110}>
                  <Text size="sm">{format.number(partner.sharedProjects)}</Text>
                </Table.Td>
                <Table.Td miw={240}>
                  {partner.programmes.length > 0 ? (
                    partner.programmes.map((programme) => (
                      <Text size="xs" key={programme}>
                        {programme}
                      </Text>
                    ))
                  ) : (
                    <Text size="sm">{t('common.none')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Section>
  );
}

function OrganisationView({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
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
        <Title order={1} size="h2" maw={880}>
          {organisation.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={organisationTypeColour(organisation.type)} radius="sm" tt="none">
            {t(`organisationType.${organisation.type}`)}
          </Badge>
          {organisation.shortName && organisation.shortName !== organisation.name ? (
            <Text size="sm" fw={600}>
              {organisation.shortName}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {[
              location,
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
            <Programmes organisation={organisation} />
            <Partners organisation={organisation} />
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
  return <OrganisationView organisation={organisation.data} />;
}
