import { and, eq, type SQL, sql } from 'drizzle-orm';
import {
  type ChallengeResponse,
  type ListResponsesQuery,
  type RespondToChallenge,
  responseMoves,
  type SetResponseStatus,
} from '../../../contracts/challenges';
import { germanDate, todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError, invalidBody } from '../../errors';
import { type Actor, canEditOrganisation, isStaff, organisationScope } from '../accounts';
import { recordAudit } from '../audit';
import { staleVersion } from '../programmes';
import { requireOwnerSide, visibleOrganisations } from './challenges.editing';
import { findVisibleChallenge, isOwnerSide, type VisibleChallenge } from './challenges.service';
import { challengeInvitations, challengeResponses } from './challenges.table';

const statusNames = {
  submitted: 'eingereicht',
  shortlisted: 'in der engeren Wahl',
  selected: 'ausgewählt',
  declined: 'abgelehnt',
} as const;

type ResponseRow = {
  id: number;
  challenge_id: number;
  organisation_id: number;
  organisation_name: string;
  summary: string;
  status: ChallengeResponse['status'];
  created_at: string;
  updated_at: string;
  version: number;
};

const columns = sql`r.id, r.challenge_id, r.organisation_id, o.name as organisation_name, r.summary, r.status,
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at, r.version`;

function toResponse(r: ResponseRow): ChallengeResponse {
  return {
    id: Number(r.id),
    challengeId: Number(r.challenge_id),
    organisation: { id: Number(r.organisation_id), name: r.organisation_name },
    summary: r.summary,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** Which responses of a challenge the reader sees: all for the owner side and staff, else those of its own organisations. */
function responsesVisibleSql(actor: Actor, challenge: VisibleChallenge): SQL {
  if (isOwnerSide(actor, challenge) || isStaff(actor)) return sql`true`;
  const orgs = organisationScope(actor);
  return orgs.length > 0 ? sql`r.organisation_id = any(${intArray(orgs)})` : sql`false`;
}

async function getResponse(db: Db, challengeId: number, responseId: number): Promise<ChallengeResponse> {
  const [row] = await queryRows<ResponseRow>(
    db,
    sql`select ${columns} from challenge_responses r join organisations o on o.id = r.organisation_id
      where r.id = ${responseId} and r.challenge_id = ${challengeId}`,
  );
  if (!row) throw new AppError('not_found', `Antwort ${responseId} wurde nicht gefunden.`);
  return toResponse(row);
}

/** The responses to a challenge the reader may see, oldest first. */
export async function listResponses(
  db: Db,
  actor: Actor,
  challengeId: number,
  query: ListResponsesQuery,
): Promise<{ items: ChallengeResponse[]; total: number }> {
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  const where = sql`r.challenge_id = ${challengeId} and ${responsesVisibleSql(actor, challenge)}
    ${query.status ? sql`and r.status = ${query.status}` : sql``}`;
  const [rows, count] = await Promise.all([
    queryRows<ResponseRow>(
      db,
      sql`select ${columns} from challenge_responses r join organisations o on o.id = r.organisation_id
        where ${where} order by r.created_at, r.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(db, sql`select count(*) as n from challenge_responses r where ${where}`),
  ]);
  return { items: rows.map(toResponse), total: Number(count[0]?.n ?? 0) };
}

/**
 * Answers a challenge for an organisation the actor speaks for: while it takes responses (not
 * closed, deadline not passed), once per organisation, never by the challenge's own, and to an
 * invite-only challenge only when invited.
 */
export async function respondToChallenge(
  db: Db,
  actor: Actor,
  challengeId: number,
  input: RespondToChallenge,
  today = todayInGermany(),
): Promise<ChallengeResponse> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  if (!canEditOrganisation(actor, input.organisationId)) {
    throw new AppError('forbidden', 'Sie können nur für eine Organisation antworten, für die Sie sprechen.');
  }
  const found = await visibleOrganisations(db, actor, [input.organisationId]);
  if (!found.has(input.organisationId)) {
    throw invalidBody([{ field: 'organisationId', reason: `Organisation ${input.organisationId} gibt es nicht` }]);
  }
  if (input.organisationId === challenge.organisationId) {
    throw invalidBody([
      { field: 'organisationId', reason: 'Die Organisation der Challenge kann nicht selbst antworten' },
    ]);
  }
  // A closed challenge is a state of the challenge, not a mistake in the form.
  if (challenge.status === 'closed') throw new AppError('conflict', 'Die Challenge ist geschlossen.');
  if (challenge.deadline < today) {
    throw new AppError('conflict', `Die Frist der Challenge ist am ${germanDate(challenge.deadline)} abgelaufen.`, {
      deadline: challenge.deadline,
    });
  }
  if (challenge.visibility === 'invite_only') {
    const [invited] = await db
      .select({ organisationId: challengeInvitations.organisationId })
      .from(challengeInvitations)
      .where(
        and(
          eq(challengeInvitations.challengeId, challengeId),
          eq(challengeInvitations.organisationId, input.organisationId),
        ),
      );
    if (!invited) {
      throw new AppError('forbidden', 'Auf diese Challenge antworten nur eingeladene Organisationen.');
    }
  }
  const id = await db.transaction(async (tx) => {
    const [earlier] = await tx
      .select({ id: challengeResponses.id })
      .from(challengeResponses)
      .where(
        and(
          eq(challengeResponses.challengeId, challengeId),
          eq(challengeResponses.organisationId, input.organisationId),
        ),
      );
    if (earlier) {
      throw new AppError('conflict', 'Diese Organisation hat auf die Challenge schon geantwortet.', {
        responseId: earlier.id,
      });
    }
    const [row] = await tx
      .insert(challengeResponses)
      .values({
        challengeId,
        organisationId: input.organisationId,
        summary: input.summary,
        createdBy: actor.userId > 0 ? actor.userId : null,
      })
      .returning();
    if (!row) throw new AppError('internal', 'Antwort konnte nicht gespeichert werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'challenge_response', entityId: row.id, after: row });
    return row.id;
  });
  return getResponse(db, challengeId, id);
}

/** The owner side's decision on a response: shortlist, select (only from the shortlist) or decline. */
export async function setResponseStatus(
  db: Db,
  actor: Actor,
  challengeId: number,
  responseId: number,
  input: SetResponseStatus,
): Promise<ChallengeResponse> {
  const challenge = await findVisibleChallenge(db, actor, challengeId);
  requireOwnerSide(actor, challenge);
  const current = await getResponse(db, challengeId, responseId);
  if (!responseMoves[current.status].includes(input.status)) {
    throw new AppError(
      'conflict',
      `Eine Antwort im Stand „${statusNames[current.status]}“ kann nicht „${statusNames[input.status]}“ werden.`,
      { status: current.status, allowed: responseMoves[current.status] },
    );
  }
  if (current.version !== input.version) throw staleVersion('Die Antwort', current.version);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(challengeResponses)
      .set({ status: input.status, updatedAt: sql`now()`, version: sql`${challengeResponses.version} + 1` })
      .where(and(eq(challengeResponses.id, responseId), eq(challengeResponses.version, input.version)))
      .returning();
    if (!after) throw staleVersion('Die Antwort', current.version);
    await recordAudit(tx, actor, {
      action: 'status',
      entityType: 'challenge_response',
      entityId: responseId,
      before: { status: current.status, version: current.version },
      after: { status: after.status, version: after.version },
    });
  });
  return getResponse(db, challengeId, responseId);
}
