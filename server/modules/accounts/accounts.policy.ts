import { type Role, staffRoles, type TokenScope } from '../../../contracts/accounts';
import type { Actor, UserActor } from './actor';

const has = (actor: Actor, predicate: (r: UserActor['roles'][number]) => boolean) =>
  actor.kind === 'user' && actor.roles.some(predicate);

export const isAdmin = (actor: Actor): boolean => has(actor, (r) => r.role === 'admin');

/** Staff see internal records. */
export const isStaff = (actor: Actor): boolean => has(actor, (r) => staffRoles.includes(r.role));

/** Programme office for this programme (or for all programmes), or admin. */
export const canEditProgramme = (actor: Actor, programmeId: number): boolean =>
  isAdmin(actor) ||
  has(actor, (r) => r.role === 'programme_office' && (r.programmeId === null || r.programmeId === programmeId));

/** A programme's grants and funding lines: its programme office, and funding officers (of all programmes or this one). */
export const canEditFunding = (actor: Actor, programmeId: number): boolean =>
  canEditProgramme(actor, programmeId) ||
  has(actor, (r) => r.role === 'funding_officer' && (r.programmeId === null || r.programmeId === programmeId));

/** Creating programmes needs programme-office rights not limited to one programme. */
export const canCreateProgramme = (actor: Actor): boolean =>
  isAdmin(actor) || has(actor, (r) => r.role === 'programme_office' && r.programmeId === null);

/** Programmes whose restricted records the actor may see; 'all' for admins and unscoped programme offices. */
export function programmeScope(actor: Actor): 'all' | number[] {
  if (isAdmin(actor) || has(actor, (r) => r.role === 'programme_office' && r.programmeId === null)) return 'all';
  if (actor.kind !== 'user') return [];
  return actor.roles.flatMap((r) => (r.role === 'programme_office' && r.programmeId !== null ? [r.programmeId] : []));
}

/** Organisations the actor speaks for (member, agency staff, cluster manager of that organisation). */
export function organisationScope(actor: Actor): number[] {
  if (actor.kind !== 'user') return [];
  const orgRoles: Role[] = ['organisation_member', 'agency_staff', 'cluster_manager'];
  return actor.roles.flatMap((r) => (orgRoles.includes(r.role) && r.organisationId !== null ? [r.organisationId] : []));
}

/** Whether a token's scopes cover what a route needs ('write' covers reading; a module scope covers only its module). */
export function scopeAllows(scopes: TokenScope[] | null, needed: TokenScope | undefined): boolean {
  if (scopes === null || needed === undefined) return true;
  if (scopes.includes(needed) || scopes.includes('write')) return true;
  const [module, mode] = needed.split(':') as [string, string | undefined];
  if (mode === 'read') return scopes.includes('read') || scopes.includes(`${module}:write` as TokenScope);
  if (mode === undefined) return scopes.includes(needed);
  return false;
}

/** Directory upkeep (people, memberships, partnership events and indicators): staff. */
export const canEditDirectory = (actor: Actor): boolean => isStaff(actor);

/**
 * An organisation's profile: admins, agency staff and cluster managers not tied to one
 * organisation, and those who speak for this organisation.
 */
export const canEditOrganisation = (actor: Actor, organisationId: number): boolean =>
  isAdmin(actor) ||
  has(actor, (r) => (r.role === 'agency_staff' || r.role === 'cluster_manager') && r.organisationId === null) ||
  organisationScope(actor).includes(organisationId);

/** Whether the actor acts for the agency: reviews its profiles, brokers its contacts, reads its dashboard (admins; its staff; agency staff not tied to one). */
export function actsForAgency(actor: Actor, agencyId: number | null): boolean {
  if (isAdmin(actor)) return true;
  return has(actor, (r) => r.role === 'agency_staff' && (r.organisationId === null || r.organisationId === agencyId));
}

/** The agencies the actor acts for: 'all' for admins and agency staff not tied to one. */
export function agencyScope(actor: Actor): 'all' | number[] {
  if (isAdmin(actor)) return 'all';
  if (actor.kind !== 'user') return [];
  const roles = actor.roles.filter((r) => r.role === 'agency_staff');
  if (roles.some((r) => r.organisationId === null)) return 'all';
  return roles.flatMap((r) => (r.organisationId === null ? [] : [r.organisationId]));
}

/** Who may know the author of an anonymous partner profile: those who speak for it, and its agency. */
export const knowsAnonymousAuthor = (actor: Actor, organisationId: number, agencyId: number | null): boolean =>
  canEditOrganisation(actor, organisationId) || actsForAgency(actor, agencyId);
