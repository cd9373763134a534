import { type SQL, sql } from 'drizzle-orm';
import { intArray } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, agencyScope, canEditOrganisation, isAdmin, organisationScope, type UserActor } from '../accounts';

export { actsForAgency, agencyScope } from '../accounts';

// Who speaks for an organisation (its members, agency staff and cluster managers not tied to one
// organisation, admins — `canEditOrganisation`) and who acts for an agency (admins, its agency
// staff, agency staff not tied to one), in TypeScript and as SQL over a column, so lists, counts
// and single reads decide alike.

export function requireUser(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
}

/** Whether the actor speaks for the organisation: writes its profiles, sends and answers its contacts. */
export const speaksFor = (actor: Actor, organisationId: number): boolean => canEditOrganisation(actor, organisationId);

/** Admins, and agency staff and cluster managers not tied to one organisation, speak for every organisation. */
const speaksForAll = (actor: Actor): boolean =>
  isAdmin(actor) ||
  (actor.kind === 'user' &&
    actor.roles.some((r) => (r.role === 'agency_staff' || r.role === 'cluster_manager') && r.organisationId === null));

/** SQL: the organisation in `column` is one the actor speaks for. */
export function speaksForSql(actor: Actor, column: SQL): SQL {
  if (speaksForAll(actor)) return sql`true`;
  const orgs = organisationScope(actor);
  return orgs.length > 0 ? sql`coalesce(${column} = any(${intArray(orgs)}), false)` : sql`false`;
}

/** SQL: the agency in `column` is one the actor acts for (a null agency: admins and unscoped agency staff). */
export function actsForAgencySql(actor: Actor, column: SQL): SQL {
  const scope = agencyScope(actor);
  if (scope === 'all') return sql`true`;
  return scope.length > 0 ? sql`coalesce(${column} = any(${intArray(scope)}), false)` : sql`false`;
}
