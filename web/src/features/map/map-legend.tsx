import { ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ColourClass, zeroFill } from './colour-scale';
import type { MapFormat } from './map-format';

/** The classes of the colour scale with their bounds, zero first. */
export function MapLegend({ scale, mapFormat }: { scale: ColourClass[]; mapFormat: MapFormat }) {
  const { t } = useTranslation();
  const entries = [
    { fill: zeroFill, label: t('map.zero') },
    ...scale.map((c, i) => ({ fill: c.fill, label: mapFormat.classLabel(c, i) })),
  ];
  return (
    <Stack gap={6}>
      <Text size="xs" fw={600} c="dimmed">
        {mapFormat.legendTitle}
      </Text>
      <Group gap="md" role="list" aria-label={t('map.legend')}>
        {entries.map((entry) => (
          <Group key={entry.label} gap={6} wrap="nowrap" role="listitem">
            <ColorSwatch color={entry.fill} size={14} radius={2} withShadow={false} />
            <Text size="xs">{entry.label}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
