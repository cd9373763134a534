/** Organisations: companies, universities, agencies and other actors, one per normalised name. */
export { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
export { ensureOrganisations, type OrganisationDraft } from './organisations.service';
export { organisations } from './organisations.table';
