import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationListItem } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { useRegionLevelLabel } from '../../ui/region-level';
import { useCountryName } from './country';

export function OrganisationTable({
  organisations,
  isStale,
}: {
  organisations: OrganisationListItem[];
  isStale: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const levelLabel = useRegionLevelLabel();
  return (
    <DataTable
      minWidth={900}
      caption={t('organisations.tableCaption')}
      columns={[
        t('organisations.columns.name'),
        t('organisations.columns.type'),
        t('organisations.columns.location'),
        t('organisations.columns.region'),
        t('organisations.columns.projects'),
      ]}
      isStale={isStale}
      striped
      highlightOnHover
      verticalSpacing="sm"
    >
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
              ) : null}
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
    </DataTable>
  );
}
