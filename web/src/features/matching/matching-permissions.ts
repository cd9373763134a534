import type { Me } from '../../../../contracts/accounts';
import { isAdmin } from '../accounts/permissions';
import { organisationRoles } from '../accounts/roles';

// The same rules as the server's profiles.policy.ts. They only decide which buttons and tabs to
// show; the server checks every write again.

type Person = Me | null | undefined;

/** Admins, and agency staff and cluster managers not tied to one organisation, speak for every organisation. */
export function speaksForAll(me: Person): boolean {
  return (
    isAdmin(me) ||
    (me?.roles.some((r) => (r.role === 'agency_staff' || r.role === 'cluster_manager') && r.organisationId === null) ??
      false)
  );
}

/** The organisations the person's roles name: those they write profiles and express interest for. */
export function ownOrganisationIds(me: Person): number[] {
  const ids = (me?.roles ?? []).flatMap((r) =>
    organisationRoles.includes(r.role) && r.organisationId !== null ? [r.organisationId] : [],
  );
  return [...new Set(ids)];
}

/** Whether the person speaks for at least one organisation (may create profiles, express interest). */
export function speaksForSome(me: Person): boolean {
  return speaksForAll(me) || ownOrganisationIds(me).length > 0;
}

/** Whether the person speaks for this organisation. */
export function speaksFor(me: Person, organisationId: number): boolean {
  return speaksForAll(me) || ownOrganisationIds(me).includes(organisationId);
}

/** The agencies the person reviews and brokers for: 'all' for admins and unscoped agency staff. */
export function agencyScope(me: Person): 'all' | number[] {
  if (isAdmin(me)) return 'all';
  const roles = (me?.roles ?? []).filter((r) => r.role === 'agency_staff');
  if (roles.some((r) => r.organisationId === null)) return 'all';
  return roles.flatMap((r) => (r.organisationId === null ? [] : [r.organisationId]));
}

/** Agency staff and admins: the review queue and the dashboard. */
export function actsForAnAgency(me: Person): boolean {
  const scope = agencyScope(me);
  return scope === 'all' || scope.length > 0;
}
