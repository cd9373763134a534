import { Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapMeasures } from '../../../../contracts/map';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useProgrammes } from '../programmes/programmes.api';
import { colourClasses } from './colour-scale';
import { DistrictMap, type MapPointer } from './district-map';
import { DistrictRanking } from './district-ranking';
import { type DistrictShapes, useDistrictShapes, useMapValues } from './map.api';
import { useMapFormat } from './map-format';
import { MapLegend } from './map-legend';
import type { MapMeasure, MapSearch } from './map-search';
import { projectShapes } from './projection';
import { ProvinceBars } from './province-bars';

const route = getRouteApi('/map');
const mapWidth = 600;
const rankingHeight = 620;

function MapControls({ search, onChange }: { search: MapSearch; onChange: (patch: MapSearch) => void }) {
  const { t } = useTranslation();
  const programmes = useProgrammes().data?.items ?? [];
  return (
    <Group gap="lg" align="flex-end">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="map-measure-label">
          {t('map.measureLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="map-measure-label"
          value={search.measure ?? 'organisations'}
          onChange={(value) =>
            onChange({ measure: value === 'organisations' ? undefined : (value as MapSearch['measure']) })
          }
          data={mapMeasures.map((value) => ({ value, label: t(`map.measure.${value}`) }))}
        />
      </Stack>
      <Select
        label={t('map.programme')}
        placeholder={t('map.allProgrammes')}
        data={programmes.map((programme) => ({ value: String(programme.id), label: programme.name }))}
        value={search.programmeId ? String(search.programmeId) : null}
        onChange={(value) => onChange({ programmeId: value ? Number(value) : undefined })}
        clearable
        w={{ base: '100%', xs: 320 }}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}

function NrwMap({
  shapes,
  measure,
  programmeId,
}: {
  shapes: DistrictShapes;
  measure: MapMeasure;
  programmeId?: number;
}) {
  const { t } = useTranslation();
  const values = useMapValues('nrw', measure, programmeId);
  const mapFormat = useMapFormat(measure);
  const [pointer, setPointer] = useState<MapPointer | null>(null);
  // Projecting 53 outlines is the costly part; it depends on the shapes only.
  const map = useMemo(() => projectShapes(shapes.features, mapWidth), [shapes]);
  const items = values.data?.items ?? [];
  const byCode = useMemo(() => new Map(items.map((item) => [item.code, item])), [items]);
  const scale = useMemo(() => colourClasses(items.map((item) => item.value)), [items]);
  const measureLabel = t(`map.measure.${measure}`);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Section title={t('map.nrwTitle', { measure: measureLabel })} description={t('map.nrwIntro')}>
        <QueryState query={values}>
          {() => (
            <Stack gap="sm">
              <DistrictMap
                map={map}
                itemOf={(code) => byCode.get(code)}
                scale={scale}
                measure={measure}
                programmeId={programmeId}
                mapFormat={mapFormat}
                label={t('map.mapLabel', { measure: measureLabel })}
                pointer={pointer}
                onPointer={setPointer}
              />
              <MapLegend scale={scale} mapFormat={mapFormat} />
              <Text size="xs" c="dimmed">
                {t('map.attribution', { attribution: shapes.attribution })}
              </Text>
            </Stack>
          )}
        </QueryState>
      </Section>
      <Section title={t('map.rankingTitle')}>
        <QueryState query={values}>
          {(data) => (
            <DistrictRanking
              items={data.items}
              measure={measure}
              programmeId={programmeId}
              mapFormat={mapFormat}
              activeCode={pointer?.code}
              onActive={(code) => {
                const shape = code ? map.shapes.find((s) => s.code === code) : undefined;
                setPointer(
                  shape ? { code: shape.code, x: shape.centre.x / map.width, y: shape.centre.y / map.height } : null,
                );
              }}
              height={rankingHeight}
            />
          )}
        </QueryState>
      </Section>
    </SimpleGrid>
  );
}

/** "Karte": organisations, projects or funding per NRW district, with the provinces of Piemonte below. */
export function MapPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const shapes = useDistrictShapes();
  const measure: MapMeasure = search.measure ?? 'organisations';
  const mapFormat = useMapFormat(measure);
  usePageTitle(t('map.title'));

  const update = (patch: MapSearch) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('map.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('map.intro')}
        </Text>
      </Stack>
      <MapControls search={search} onChange={update} />
      <QueryState query={shapes}>
        {(data) => <NrwMap shapes={data} measure={measure} programmeId={search.programmeId} />}
      </QueryState>
      <ProvinceBars measure={measure} programmeId={search.programmeId} mapFormat={mapFormat} />
    </Stack>
  );
}
