/** Typed, dated memberships: clusters, alliances, networks, consortia, signatories, partner regions. */

export { membershipRoutes } from './memberships.routes';
export { type MembershipDraft, replaceSeedMemberships } from './memberships.seed';
export { listNetworks, membershipsOfOrganisation, selectMemberships } from './memberships.service';
export { membershipKind, memberships } from './memberships.table';
