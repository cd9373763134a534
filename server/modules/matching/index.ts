/** Matchmaking: concepts across languages, and ranked, explained partner suggestions. */

export { suggestOrganisationsForChallenge } from './challenge-invitees';
export {
  analyseText,
  describeConcepts,
  type ExtractedConcept,
  extractConcepts,
  matchKeysOf,
  searchConcepts,
  unknownConceptKeys,
} from './concepts';
export { matchingRoutes } from './matching.routes';
export { matchesForProfile } from './profile-matches';
export { type OrganisationWeights, organisationWeights } from './scoring';
export { suggestPartnersForOrganisation } from './suggestions';
export { termsOf } from './text';
