import { type Me, staffRoles } from '../../../../contracts/accounts';
import { useMe } from './accounts.api';
import { organisationRoles } from './roles';

// The same rules as the server's accounts.policy.ts. They only decide which buttons to show;
// the server checks every write again.

type Person = Me | null | undefined;

export function isAdmin(me: Person): boolean {
  return me?.roles.some((r) => r.role === 'admin') ?? false;
}

/** Admin, or programme office for this programme or for all programmes. */
export function canEditProgramme(me: Person, programmeId: number): boolean {
  return (
    isAdmin(me) ||
    (me?.roles.some(
      (r) => r.role === 'programme_office' && (r.programmeId === null || r.programmeId === programmeId),
    ) ??
      false)
  );
}

/** Staff see internal records and look after the directory (people, memberships, duplicates). */
export function isStaff(me: Person): boolean {
  return me?.roles.some((r) => staffRoles.includes(r.role)) ?? false;
}

/** Admin, or someone who speaks for this organisation (agency staff, cluster manager, member). */
export function canEditOrganisation(me: Person, organisationId: number): boolean {
  return (
    isAdmin(me) ||
    (me?.roles.some((r) => organisationRoles.includes(r.role) && r.organisationId === organisationId) ?? false)
  );
}

/** Creating programmes needs programme-office rights not limited to one programme. */
export function canCreateProgramme(me: Person): boolean {
  return isAdmin(me) || (me?.roles.some((r) => r.role === 'programme_office' && r.programmeId === null) ?? false);
}

/** Importing grants: admins, programme offices and funding officers (each programme is checked per row). */
export function canImportGrants(me: Person): boolean {
  return me?.roles.some((r) => ['admin', 'programme_office', 'funding_officer'].includes(r.role)) ?? false;
}

/** Whether the signed-in person may edit this programme and its projects (false while unknown). */
export function useCanEditProgramme(programmeId: number): boolean {
  return canEditProgramme(useMe().data, programmeId);
}

/** Whether the signed-in person is staff (false while unknown). */
export function useIsStaff(): boolean {
  return isStaff(useMe().data);
}

/** Whether the signed-in person is an admin (false while unknown). */
export function useIsAdmin(): boolean {
  return isAdmin(useMe().data);
}

/** Whether the signed-in person may edit this organisation's profile (false while unknown). */
export function useCanEditOrganisation(organisationId: number): boolean {
  return canEditOrganisation(useMe().data, organisationId);
}
