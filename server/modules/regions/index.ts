/** Regions: the administrative units of NRW and Piemonte, with official keys and NUTS-3 codes. */

export { regionRoutes } from './regions.routes';
export {
  getRegion,
  getRegionPath,
  listRegions,
  type RegionDraft,
  type RegionLevel,
  type RegionRef,
  rebuildRegionPaths,
  regionKeyIndex,
  upsertRegions,
} from './regions.service';
export { regions } from './regions.table';
