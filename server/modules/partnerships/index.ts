/** Regional partnerships: agreements, delegation visits and talks, indicators over time. */

export { type SeedPartnership, upsertSeedPartnership } from './partnerships.seed';
export { indicators, indicatorValues, partnershipEvents, partnerships } from './partnerships.table';
