import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationListItem } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { useRegionLevelLabel } from '../../ui/region-level';
import { VisibilityBadge } from '../../ui/visibility';
import { useCountryName } from './country';
import type { OrganisationSort } from './organisation-search';
import { SortHeader } from './sort-header';

export function OrganisationTable({
  organisations,
  isStale,
  sort,
  onSort,
}: {
  organisations: OrganisationListItem[];
  isStale: boolean;
  sort: OrganisationSort | undefined;
  onSort: (sort: OrganisationSort | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const levelLabel = useRegionLevelLabel();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-busy={isStale} style={{ opacity: isStale ? 0.6 : 1 }}>
        <Table.Caption>
          <VisuallyHidden>{t('organisations.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" label={t('organisations.columns.name')} sort={sort} onSort={onSort} />
            <Table.Th>{t('organisations.columns.type')}</Table.Th>
            <Table.Th>{t('organisations.columns.location')}</Table.Th>
            <Table.Th>{t('organisations.columns.region')}</Table.Th>
            <SortHeader
              column="projects"
              label={t('organisations.columns.projects')}
              sort={sort}
              onSort={onSort}
              w={120}
            />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((organisation) => {
            const location = [organisation.city, organisation.country ? countryName(organisation.country) : null]
              .filter(Boolean)
              .join(', ');
            return (
              <Table.Tr key={organisation.id}>
                <Table.Td maw={420}>
                  <AnchorLink
                    to="/organisations/$organisationId"
                    params={{ organisationId: String(organisation.id) }}
                    size="sm"
                    fw={500}
                  >
                    {organisation.name}
                  </AnchorLink>
                  {organisation.shortName && organisation.shortName !== organisation.name ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({organisation.shortName})
                    </Text>
                  ) : null}{' '}
                  <VisibilityBadge visibility={organisation.visibility} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`organisationType.${organisation.type}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{location || t('common.none')}</Text>
                </Table.Td>
                <Table.Td>
                  {organisation.region ? (
                    <AnchorLink
                      to="/organisations"
                      search={{ regionId: organisation.region.id }}
                      size="sm"
                      title={levelLabel(organisation.region.level)}
                    >
                      {organisation.region.name}
                    </AnchorLink>
                  ) : (
                    <Text size="sm">{t('common.none')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.number(organisation.projectCount)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
