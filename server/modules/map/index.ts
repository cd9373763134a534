/** The map: values per NRW district or Piemonte province, and the district outlines. */

export { mapRoutes } from './map.routes';
export { districtShapes, mapValues } from './map.service';
