import { BarChart } from '@mantine/charts';
import { Button, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { ActionsHeader } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';
import { useCanEditProgramme } from '../accounts/permissions';
import { FieldOfActionModal } from './field-of-action-modal';
import type { FieldOfAction } from './programmes.api';

const topCount = 15;
const rowHeight = 30;
const maxLabelLength = 44;
const maxLabelLengthNarrow = 22;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "Projekte nach Handlungsfeld": the largest fields as horizontal bars, every field in a table below. */
export function FieldOfActionChart({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isNarrow = useMediaQuery('(max-width: 36em)') ?? false;
  const fields = programme.fieldsOfAction;
  const bySize = [...fields].sort((a, b) => b.projectCount - a.projectCount || a.position - b.position);
  const top = bySize.slice(0, topCount);
  const rest = bySize.slice(topCount);

  // Aggregated rows ("weitere", "ohne Handlungsfeld") are grey so they don't read as one more field.
  const data: { name: string; projects: number; color?: string }[] = top.map((field) => ({
    name: field.name,
    projects: field.projectCount,
  }));
  if (rest.length > 0) {
    data.push({
      name: t('dashboard.otherFields', { count: rest.length, formatted: format.number(rest.length) }),
      projects: rest.reduce((sum, field) => sum + field.projectCount, 0),
      color: 'gray.5',
    });
  }
  if (programme.projectsWithoutFieldOfAction > 0) {
    data.push({
      name: t('dashboard.withoutFieldOfAction'),
      projects: programme.projectsWithoutFieldOfAction,
      color: 'gray.4',
    });
  }
  const hasProjects = data.some((row) => row.projects > 0);
  // Room for the longest (truncated) name at 12px, within sensible bounds; phones get shorter names.
  const labelLength = isNarrow ? maxLabelLengthNarrow : maxLabelLength;
  const longestLabel = Math.max(...data.map((row) => Math.min(row.name.length, labelLength)));
  const axisWidth = Math.min(300, Math.max(100, Math.round(longestLabel * 6.6) + 16));

  return (
    <Section
      title={t('dashboard.byFieldOfAction')}
      description={rest.length > 0 ? t('dashboard.byFieldOfActionTop', { count: topCount }) : undefined}
    >
      {fields.length === 0 ? (
        <Text c="dimmed">{t('dashboard.noFields')}</Text>
      ) : (
        <Stack gap="lg">
          {hasProjects ? (
            <BarChart
              h={data.length * rowHeight + 40}
              data={data}
              dataKey="name"
              orientation="vertical"
              series={[{ name: 'projects', label: t('dashboard.projectsSeries'), color: 'blue.6' }]}
              valueFormatter={format.number}
              gridAxis="y"
              withBarValueLabel
              maxBarWidth={22}
              yAxisProps={{
                width: axisWidth,
                interval: 0,
                tickFormatter: (value: string) => truncate(value, maxLabelLength),
              }}
              xAxisProps={{ allowDecimals: false }}
              aria-hidden="true"
            />
          ) : null}
          <FieldOfActionTable programme={programme} />
        </Stack>
      )}
    </Section>
  );
}

/** Every field in its order, each linking to its projects; editors can rename or move a field. */
function FieldOfActionTable({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = useCanEditProgramme(programme.id);
  // Kept while the modal closes, so its content does not vanish during the transition.
  const [editing, setEditing] = useState<FieldOfAction | undefined>(undefined);
  const [isModalOpen, modal] = useDisclosure(false);
  const sorted = [...programme.fieldsOfAction].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('dashboard.fieldsTable')}
      </Title>
      <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
        <Table striped highlightOnHover stickyHeader verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('dashboard.fieldPosition')}</Table.Th>
              <Table.Th>{t('dashboard.fieldName')}</Table.Th>
              <Table.Th ta="right" w={110}>
                {t('dashboard.fieldProjects')}
              </Table.Th>
              {canEdit ? <ActionsHeader /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((field) => (
              <Table.Tr key={field.id}>
                <Table.Td c="dimmed">{field.position}</Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/projects"
                    search={{ programmeId: programme.id, fieldOfActionId: field.id }}
                    size="sm"
                  >
                    {field.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td ta="right">{format.number(field.projectCount)}</Table.Td>
                {canEdit ? (
                  <Table.Td w={1} ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => {
                        setEditing(field);
                        modal.open();
                      }}
                      aria-label={`${t('common.edit')}: ${field.name}`}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {canEdit ? (
        <FieldOfActionModal opened={isModalOpen} programme={programme} field={editing} onClose={modal.close} />
      ) : null}
    </Stack>
  );
}
