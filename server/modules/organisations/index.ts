/** Organisations: companies, universities, agencies and other actors, one per normalised name. */
export { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
export {
  attachIdentifiers,
  ensureOrganisations,
  type IdentifierDraft,
  type IdentifierScheme,
  type OrganisationDraft,
  organisationsByIdentifier,
} from './organisations.service';
export { organisationAliases, organisationIdentifiers, organisations } from './organisations.table';
