/** Regional partnerships: agreements, delegation visits and talks, indicators over time. */

export { partnershipRoutes } from './partnerships.routes';
export { type SeedPartnership, upsertSeedPartnership } from './partnerships.seed';
export { getPartnership, listPartnerships } from './partnerships.service';
export { indicators, indicatorValues, partnershipEvents, partnerships } from './partnerships.table';
