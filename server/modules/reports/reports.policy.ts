import type { Visibility } from '../../../contracts/accounts';
import { type Actor, canEditProgramme, isAdmin, isStaff } from '../accounts';

/** Freezing a programme's report is what its programme office (or an admin) tells the cabinet. */
export const canFreezeReport = (actor: Actor, programmeId: number): boolean => canEditProgramme(actor, programmeId);

/**
 * The levels of frozen reports the actor may read, by the most protected record a report holds:
 * public ones for everyone who sees the programme, internal ones for staff, restricted ones for
 * the programme office of the programme and admins.
 */
export function readableReportLevels(actor: Actor, programmeId: number): Visibility[] {
  if (isAdmin(actor) || canEditProgramme(actor, programmeId)) return ['public', 'internal', 'restricted'];
  return isStaff(actor) ? ['public', 'internal'] : ['public'];
}
