import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../contracts/portfolio';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';

type Organisation = ProjectDetail['organisations'][number];

export function OrganisationsTable({ organisations }: { organisations: Organisation[] }) {
  const { t } = useTranslation();
  // Lead organisations first, then partners by name.
  const sorted = [...organisations].sort(
    (a, b) => Number(a.role !== 'lead') - Number(b.role !== 'lead') || a.name.localeCompare(b.name),
  );
  return (
    <Section title={t('project.organisations')}>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('project.noOrganisations')}</Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table verticalSpacing="xs" miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('project.organisationName')}</Table.Th>
                <Table.Th>{t('project.organisationType')}</Table.Th>
                <Table.Th>{t('project.organisationRole')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((organisation) => (
                <Table.Tr key={`${organisation.id}-${organisation.role}`}>
                  <Table.Td>
                    <AnchorLink
                      to="/organisations/$organisationId"
                      params={{ organisationId: String(organisation.id) }}
                      size="sm"
                      fw={organisation.role === 'lead' ? 600 : 400}
                    >
                      {organisation.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`organisationType.${organisation.type}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant={organisation.role === 'lead' ? 'filled' : 'light'}
                      radius="sm"
                      size="sm"
                      tt="none"
                      miw="max-content"
                    >
                      {t(`project.role.${organisation.role}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Section>
  );
}
