import { ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MapValues } from '../../../../contracts/map';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import type { MapFormat } from './map-format';
import { listTargetOf, type MapMeasure } from './map-search';

type MapItem = MapValues['items'][number];

/** The districts ranked by value, each linking to its list; hovering a row marks it on the map. */
export function DistrictRanking({
  items,
  measure,
  programmeId,
  mapFormat,
  activeCode,
  onActive,
  height,
}: {
  items: MapItem[];
  measure: MapMeasure;
  programmeId: number | undefined;
  mapFormat: MapFormat;
  activeCode: string | undefined;
  onActive: (code: string | null) => void;
  height: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ranked = [...items].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, format.language));
  return (
    <ScrollArea.Autosize mah={height} type="auto" offsetScrollbars>
      <Table stickyHeader verticalSpacing={4} highlightOnHover onMouseLeave={() => onActive(null)}>
        <Table.Caption>
          <VisuallyHidden>{t('map.rankingCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('map.rank')}</Table.Th>
            <Table.Th>{t('map.district')}</Table.Th>
            <Table.Th ta="right">{mapFormat.columnTitle}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ranked.map((item, index) => (
            <Table.Tr
              key={item.code}
              bg={item.code === activeCode ? 'var(--mantine-color-blue-light)' : undefined}
              onMouseEnter={() => onActive(item.code)}
            >
              <Table.Td ta="right" c="dimmed">
                {format.number(index + 1)}
              </Table.Td>
              <Table.Td>
                <AnchorLink to={listTargetOf(measure)} search={{ regionId: item.regionId, programmeId }} size="sm">
                  {item.name}
                </AnchorLink>
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
    </ScrollArea.Autosize>
  );
}
