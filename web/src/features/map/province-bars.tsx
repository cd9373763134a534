import { Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { useMapValues } from './map.api';
import type { MapFormat } from './map-format';
import { listTargetOf, type MapMeasure } from './map-search';

/** "Piemont nach Provinzen": the eight provinces as bars, largest first, each linking to its list. */
export function ProvinceBars({
  measure,
  programmeId,
  mapFormat,
}: {
  measure: MapMeasure;
  programmeId: number | undefined;
  mapFormat: MapFormat;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const values = useMapValues('piemonte', measure, programmeId);
  return (
    <Section title={t('map.piemonteTitle')} description={t('map.piemonteIntro')}>
      <QueryState query={values}>
        {(data) => {
          const ranked = [...data.items].sort(
            (a, b) => b.value - a.value || a.name.localeCompare(b.name, format.language),
          );
          const max = Math.max(0, ...ranked.map((item) => item.value));
          if (max === 0) return <Text c="dimmed">{t('map.piemonteNone')}</Text>;
          return (
            <Table verticalSpacing={6} maw={860}>
              <Table.Caption>
                <VisuallyHidden>{t('map.piemonteCaption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('map.province')}</Table.Th>
                  <Table.Th w="45%">
                    <VisuallyHidden>{t('map.share')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th ta="right">{mapFormat.columnTitle}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ranked.map((item) => (
                  <Table.Tr key={item.code}>
                    <Table.Td>
                      <AnchorLink
                        to={listTargetOf(measure)}
                        search={{ regionId: item.regionId, programmeId }}
                        size="sm"
                      >
                        {item.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Progress value={(item.value / max) * 100} size="lg" radius="sm" aria-hidden="true" />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {mapFormat.figure(item.value)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryState>
    </Section>
  );
}
