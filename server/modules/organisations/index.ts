/** Organisations: companies, universities, agencies and other actors, one per normalised name. */

export { getOrganisation, listOrganisations, listPartners } from './directory.service';
export { districtOfRegionSql } from './organisation-facets';
export { naceCodeSql, type OrganisationFilter, organisationFilters } from './organisation-filters';
export { type NameMatch, organisationNameMatch, prefixEnd } from './organisation-match';
export { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
export { organisationRoutes } from './organisations.routes';
export {
  applyProfiles,
  attachIdentifiers,
  attachNace,
  ensureOrganisations,
  type IdentifierDraft,
  type IdentifierScheme,
  type OrganisationDraft,
  organisationsByIdentifier,
  type ProfileDraft,
} from './organisations.service';
export {
  organisationAliases,
  organisationIdentifiers,
  organisationMerges,
  organisationNace,
  organisations,
} from './organisations.table';
