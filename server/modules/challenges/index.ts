/**
 * Cross-innovation challenges: an organisation's problem, open to all or to invited firms, the
 * responses of those who can solve it and the owner's shortlist and choice.
 */

export { closeChallenge, createChallenge, updateChallenge } from './challenges.editing';
export { challengeRoutes } from './challenges.routes';
export { challengeVisibleSql, findVisibleChallenge, getChallenge, listChallenges } from './challenges.service';
export { challengeInvitations, challengeResponses, challenges } from './challenges.table';
export { inviteOrganisations, listInvitations, suggestInvitees } from './invitations.service';
export { listResponses, respondToChallenge, setResponseStatus } from './responses.service';
