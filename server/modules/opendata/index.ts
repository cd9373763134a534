/** Open data: public grants as 360Giving JSON and CSV, and the catalogue of every open dataset. */
export { openDataRoutes } from './opendata.routes';
export { getOpenDataCatalogue, listOpenGrants } from './opendata.service';
export { grantIdentifier, PUBLISHER_PREFIX } from './three-sixty-giving';
