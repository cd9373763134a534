/** Organisations: companies, universities, agencies and other actors, one per normalised name. */

export { getOrganisation, listOrganisations, listPartners, organisationNameMatch } from './directory.service';
export { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
export { organisationRoutes } from './organisations.routes';
export {
  attachIdentifiers,
  ensureOrganisations,
  type IdentifierDraft,
  type IdentifierScheme,
  type OrganisationDraft,
  organisationsByIdentifier,
} from './organisations.service';
export { organisationAliases, organisationIdentifiers, organisations } from './organisations.table';
