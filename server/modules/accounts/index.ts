/** Accounts: users, roles, sessions, API tokens, passwords — and the policies built on them. */
export {
  actsForAgency,
  agencyScope,
  canCreateProgramme,
  canEditDirectory,
  canEditFunding,
  canEditOrganisation,
  canEditProgramme,
  isAdmin,
  isStaff,
  knowsAnonymousAuthor,
  organisationScope,
  programmeScope,
  scopeAllows,
} from './accounts.policy';
export { type Actor, anonymous, systemActor, type UserActor } from './actor';
export { authRoutes } from './auth.routes';
export { oidcRoutes } from './oidc.routes';
export { accountForOidcIdentity, type OidcErrorCode } from './oidc.service';
export { changePassword, requestPasswordReset, resetPassword } from './passwords.service';
export { erasePerson, exportPersonalData } from './personal-data.service';
export {
  actorForUser,
  authenticate,
  createSession,
  listSessions,
  resolveSession,
  revokeSession,
  signOut,
  signOutEverywhere,
} from './sessions.service';
export { createToken, listTokens, resolveToken, revokeToken } from './tokens.service';
export { userRoutes } from './users.routes';
export { createUser, getUser, listUsers, rolesOf, updateUser } from './users.service';
