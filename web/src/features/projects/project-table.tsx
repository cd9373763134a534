import { ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectListItem } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { PartnerBadge, StatusBadge } from '../../ui/status-badge';

export function ProjectTable({ projects, isStale }: { projects: ProjectListItem[]; isStale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        miw={1150}
        aria-busy={isStale}
        style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {t('projects.tableCaption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">{t('projects.columns.title')}</Table.Th>
            <Table.Th w="10%">{t('projects.columns.programme')}</Table.Th>
            <Table.Th w="14%">{t('projects.columns.fieldOfAction')}</Table.Th>
            <Table.Th w={150}>{t('projects.columns.status')}</Table.Th>
            <Table.Th w="8%">{t('projects.columns.region')}</Table.Th>
            <Table.Th w="13%">{t('projects.columns.leadOrganisation')}</Table.Th>
            <Table.Th w={130}>{t('projects.columns.start')}</Table.Th>
            <Table.Th w={130} ta="right">
              {t('projects.columns.funding')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((project) => (
            <Table.Tr key={project.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <AnchorLink
                    to="/projects/$projectId"
                    params={{ projectId: String(project.id) }}
                    size="sm"
                    fw={500}
                    lineClamp={3}
                  >
                    {project.title}
                  </AnchorLink>
                  {project.isPartnerProject ? <PartnerBadge size="xs" /> : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{project.programme.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {project.fieldOfAction?.name ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={project.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{project.region?.name ?? t('common.none')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {project.leadOrganisation ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {project.startDate ? format.date(project.startDate) : t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {project.fundingTotalCents > 0 ? format.money(project.fundingTotalCents) : t('common.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
