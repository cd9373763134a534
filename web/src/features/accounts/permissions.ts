import type { Me } from '../../../../contracts/accounts';
import { useMe } from './accounts.api';

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

/** Creating programmes needs programme-office rights not limited to one programme. */
export function canCreateProgramme(me: Person): boolean {
  return isAdmin(me) || (me?.roles.some((r) => r.role === 'programme_office' && r.programmeId === null) ?? false);
}

/** Whether the signed-in person may edit this programme and its projects (false while unknown). */
export function useCanEditProgramme(programmeId: number): boolean {
  return canEditProgramme(useMe().data, programmeId);
}
