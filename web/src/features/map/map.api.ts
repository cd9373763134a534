import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { districtShapesSchema, MapValues } from '../../../../contracts/map';
import { apiGet } from '../../lib/api';
import type { MapMeasure } from './map-search';

export type DistrictShapes = z.infer<typeof districtShapesSchema>;

/** The outlines of the 53 NRW districts; they do not change while the app runs. */
export function useDistrictShapes() {
  return useQuery({
    queryKey: ['map', 'shapes'],
    queryFn: ({ signal }) => apiGet<DistrictShapes>('/map/shapes', undefined, signal),
    staleTime: Infinity,
  });
}

/** One value per district (nrw) or province (piemonte) for a measure, optionally within one programme. */
export function useMapValues(area: 'nrw' | 'piemonte', measure: MapMeasure, programmeId: number | undefined) {
  return useQuery({
    queryKey: ['map', 'values', area, measure, programmeId],
    queryFn: ({ signal }) => apiGet<MapValues>('/map', { area, measure, programmeId }, signal),
  });
}
