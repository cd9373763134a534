import { sql } from 'drizzle-orm';
import type { Invitation, InviteOrganisations } from '../../../contracts/challenges';
import type { SuggestionsQuery } from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';
import { todayInGermany } from '../../calendar';
import { type Db, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { suggestOrganisationsForChallenge } from '../matching';
import { organisationVisibleSql } from '../programmes';
import { requireOwnerSide, visibleOrganisations } from './challenges.editing';
import { findVisibleChallenge, isAcceptingResponses, requireOwnerSideOrStaff } from './challenges.service';
import { challengeInvitations } from './challenges.table';

/**
 * The organisations invited to a challenge, for its owner side and staff: who, since when, and
 * their response. Invited organisations the reader may not see are left out.
 */
export async function listInvitations(db: Db, actor: Actor, challengeId: number): Promise<{ items: Invitation[] }> {
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  requireOwnerSideOrStaff(actor, challenge, 'Einladungen');
  const rows = await queryRows<{
    organisation_id: number;
    name: string;
    type: OrganisationType;
    invited_at: string;
    response_id: number | null;
    response_status: NonNullable<Invitation['response']>['status'] | null;
  }>(
    db,
    sql`select i.organisation_id, o.name, o.type,
        to_char(i.invited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as invited_at,
        r.id as response_id, r.status as response_status
      from challenge_invitations i join organisations o on o.id = i.organisation_id
        left join challenge_responses r on r.challenge_id = i.challenge_id and r.organisation_id = i.organisation_id
      where i.challenge_id = ${challengeId} and ${organisationVisibleSql(actor, 'o')}
      order by i.invited_at, o.name, o.id`,
  );
  return {
    items: rows.map((r) => ({
      organisation: { id: Number(r.organisation_id), name: r.name, type: r.type },
      invitedAt: r.invited_at,
      response:
        r.response_id === null || r.response_status === null
          ? null
          : { id: Number(r.response_id), status: r.response_status },
    })),
  };
}

/**
 * Invites organisations to a challenge that still takes responses; inviting one twice changes
 * nothing. Each must exist, be visible to the inviter and not be the challenge's own.
 */
export async function inviteOrganisations(
  db: Db,
  actor: Actor,
  challengeId: number,
  input: InviteOrganisations,
  today = todayInGermany(),
): Promise<{ items: Invitation[] }> {
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  requireOwnerSide(actor, challenge);
  const found = await visibleOrganisations(db, actor, input.organisationIds);
  const problems: FieldProblem[] = [];
  input.organisationIds.forEach((id, i) => {
    if (!found.has(id)) problems.push({ field: `organisationIds.${i}`, reason: `Organisation ${id} gibt es nicht` });
    else if (id === challenge.organisationId)
      problems.push({ field: `organisationIds.${i}`, reason: 'Die eigene Organisation kann nicht eingeladen werden' });
  });
  if (problems.length > 0) throw invalidBody(problems);
  if (!isAcceptingResponses(challenge, today)) {
    throw new AppError('conflict', 'Die Challenge nimmt keine Antworten mehr an; Einladungen sind nicht mehr möglich.');
  }
  const organisationIds = [...new Set(input.organisationIds)];
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(challengeInvitations)
      .values(
        organisationIds.map((organisationId) => ({
          challengeId,
          organisationId,
          invitedBy: actor.kind === 'user' && actor.userId > 0 ? actor.userId : null,
        })),
      )
      .onConflictDoNothing()
      .returning({ organisationId: challengeInvitations.organisationId });
    if (added.length > 0) {
      await recordAudit(tx, actor, {
        action: 'invite',
        entityType: 'challenge',
        entityId: challengeId,
        after: { organisationIds: added.map((a) => a.organisationId) },
      });
    }
  });
  return listInvitations(db, actor, challengeId);
}

/** Organisations to invite, ranked by the matching (the same as for partner profiles), for the owner side and staff. */
export async function suggestInvitees(db: Db, actor: Actor, challengeId: number, query: SuggestionsQuery) {
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  requireOwnerSideOrStaff(actor, challenge, 'Vorschläge für Einladungen');
  return suggestOrganisationsForChallenge(db, actor, challengeId, query);
}
