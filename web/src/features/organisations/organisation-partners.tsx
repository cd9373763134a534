import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';
import { useCountryName } from './country';
import { PartnerGraph } from './partner-graph';

/** Programmes the organisation has projects in. */
export function OrganisationProgrammes({ organisation }: { organisation: OrganisationDetail }) {
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

/** Partners from shared projects: the graph and the table. */
export function OrganisationPartners({ organisation }: { organisation: OrganisationDetail }) {
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
