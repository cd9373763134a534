import type { Me } from '../../../../contracts/accounts';
import { useMe } from '../accounts/accounts.api';
import { canEditProgramme } from '../accounts/permissions';

// The same rule as the server's canEditFunding; it only decides which buttons to show.

/** The programme office of this programme, funding officers (of all programmes or this one) and admins. */
export function canEditFunding(me: Me | null | undefined, programmeId: number): boolean {
  return (
    canEditProgramme(me, programmeId) ||
    (me?.roles.some((r) => r.role === 'funding_officer' && (r.programmeId === null || r.programmeId === programmeId)) ??
      false)
  );
}

/** Whether the signed-in person may record grants in this programme (false while unknown). */
export function useCanEditFunding(programmeId: number): boolean {
  return canEditFunding(useMe().data, programmeId);
}
