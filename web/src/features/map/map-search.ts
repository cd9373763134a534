import { mapMeasures } from '../../../../contracts/map';

export type MapMeasure = (typeof mapMeasures)[number];

/** The map's choices, kept in the URL so a map can be linked: the measure and a programme. */
export interface MapSearch {
  measure?: Exclude<MapMeasure, 'organisations'>;
  programmeId?: number;
}

/** Reads the URL search params leniently; the default measure (organisations) is left out. */
export function parseMapSearch(raw: Record<string, unknown>): MapSearch {
  const measure = mapMeasures.find((m) => m === raw.measure);
  const programmeId = typeof raw.programmeId === 'string' ? Number(raw.programmeId) : raw.programmeId;
  const search: MapSearch = {
    measure: measure === 'organisations' ? undefined : measure,
    programmeId:
      typeof programmeId === 'number' && Number.isInteger(programmeId) && programmeId > 0 ? programmeId : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as MapSearch;
}

/** Where a district leads: its organisations, or its projects for the project and funding measures. */
export function listTargetOf(measure: MapMeasure): '/organisations' | '/projects' {
  return measure === 'organisations' ? '/organisations' : '/projects';
}
