import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';

/** People with a role at the organisation, current roles first. */
export function OrganisationPeople({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = [...organisation.people].sort(
    (a, b) => Number(a.until !== null) - Number(b.until !== null) || (b.from ?? '').localeCompare(a.from ?? ''),
  );
  return (
    <Section title={t('organisation.people')}>
      {people.length === 0 ? (
        <Text c="dimmed">{t('organisation.noPeople')}</Text>
      ) : (
        <DataTable
          minWidth={520}
          caption={t('organisation.people')}
          columns={[t('person.columns.name'), t('person.columns.title'), t('person.columns.period')]}
          verticalSpacing="xs"
        >
          {people.map((person) => (
            <Table.Tr key={`${person.personId}-${person.title}-${person.from}`}>
              <Table.Td>
                <AnchorLink to="/people/$personId" params={{ personId: String(person.personId) }} size="sm">
                  {person.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{person.title}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={person.until ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {format.period(person.from, person.until) ?? t('common.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
