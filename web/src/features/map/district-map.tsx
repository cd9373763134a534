import { Box, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import type { MapValues } from '../../../../contracts/map';
import { type ColourClass, fillOf } from './colour-scale';
import classes from './district-map.module.css';
import type { MapFormat } from './map-format';
import { listTargetOf, type MapMeasure } from './map-search';
import type { ProjectedMap } from './projection';

type MapItem = MapValues['items'][number];

/** Where the tooltip stands, as a share of the drawing's width and height. */
export interface MapPointer {
  code: string;
  x: number;
  y: number;
}

/**
 * The choropleth: one link per district (to its organisations or projects), filled by its class on the
 * scale, named "<district>: <value>" for screen readers; hover or focus shows the value next to it.
 */
export function DistrictMap({
  map,
  itemOf,
  scale,
  measure,
  programmeId,
  mapFormat,
  label,
  pointer,
  onPointer,
}: {
  map: ProjectedMap;
  itemOf: (code: string) => MapItem | undefined;
  scale: ColourClass[];
  measure: MapMeasure;
  programmeId: number | undefined;
  mapFormat: MapFormat;
  label: string;
  pointer: MapPointer | null;
  onPointer: (pointer: MapPointer | null) => void;
}) {
  const target = listTargetOf(measure);
  const active = pointer ? map.shapes.find((shape) => shape.code === pointer.code) : undefined;
  const activeItem = active ? itemOf(active.code) : undefined;

  // The link is an SVG <a> at run time; its drawing is the nearest <svg>.
  const atMouse = (code: string) => (event: MouseEvent<Element>) => {
    const box = event.currentTarget.closest('svg')?.getBoundingClientRect();
    if (!box) return;
    onPointer({ code, x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
  };

  return (
    <Box pos="relative">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        width="100%"
        style={{ display: 'block', maxHeight: 640 }}
        onMouseLeave={() => onPointer(null)}
      >
        <title>{label}</title>
        {map.shapes.map((shape) => {
          const item = itemOf(shape.code);
          const fill = fillOf(item?.value ?? 0, scale);
          const name = `${shape.name}: ${mapFormat.valueText(item?.value ?? 0)}`;
          if (!item) {
            return (
              <path key={shape.code} d={shape.path} fill={fill} stroke="var(--mantine-color-body)" aria-label={name} />
            );
          }
          const centre = { code: shape.code, x: shape.centre.x / map.width, y: shape.centre.y / map.height };
          return (
            <Link
              key={shape.code}
              to={target}
              search={{ regionId: item.regionId, programmeId }}
              className={classes.district}
              aria-label={name}
              onMouseMove={atMouse(shape.code)}
              onFocus={() => onPointer(centre)}
              onBlur={() => onPointer(null)}
            >
              <path d={shape.path} fill={fill} />
            </Link>
          );
        })}
        {active ? <path d={active.path} className={classes.outline} /> : null}
      </svg>
      {active && pointer ? (
        <Paper
          className={classes.tooltip}
          style={{ left: `${pointer.x * 100}%`, top: `${pointer.y * 100}%` }}
          shadow="md"
          withBorder
          px="sm"
          py={6}
          aria-hidden="true"
        >
          <Text size="sm" fw={600}>
            {active.name}
          </Text>
          <Text size="sm">{mapFormat.valueText(activeItem?.value ?? 0)}</Text>
        </Paper>
      ) : null}
    </Box>
  );
}
