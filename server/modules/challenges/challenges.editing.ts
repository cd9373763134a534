import { and, eq, sql } from 'drizzle-orm';
import type { ChallengeDetail, CloseChallenge, CreateChallenge, UpdateChallenge } from '../../../contracts/challenges';
import { germanDate, todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { analyseText, matchKeysOf, unknownConceptKeys } from '../matching';
import { organisationVisibleSql, staleVersion } from '../programmes';
import { findVisibleChallenge, getChallenge, isOwnerSide, type VisibleChallenge } from './challenges.service';
import { challenges } from './challenges.table';

/** The organisations among `ids` that exist and that the actor may see, with their names. */
export async function visibleOrganisations(db: Db, actor: Actor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select o.id, o.name from organisations o
      where o.id = any(${intArray(ids)}) and ${organisationVisibleSql(actor, 'o')}`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Only the owner side changes a challenge. */
export function requireOwnerSide(actor: Actor, challenge: VisibleChallenge): void {
  if (!isOwnerSide(actor, challenge)) {
    throw new AppError('forbidden', 'Nur wer für die Organisation der Challenge spricht, darf das.');
  }
}

/** Concept keys that name no concept and a deadline already passed, field by field. */
async function fieldProblems(
  db: Db,
  input: { conceptKeys?: string[]; deadline?: string },
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const unknown = new Set(await unknownConceptKeys(db, input.conceptKeys ?? []));
  input.conceptKeys?.forEach((key, i) => {
    if (unknown.has(key)) problems.push({ field: `conceptKeys.${i}`, reason: `Begriff ${key} gibt es nicht` });
  });
  if (input.deadline !== undefined && input.deadline < today) {
    problems.push({ field: 'deadline', reason: `Die Frist muss heute (${germanDate(today)}) oder später sein` });
  }
  return problems;
}

/** What a challenge is matched by: its concepts (given, or found in the text), their match keys, the text's terms. */
async function matchingOf(db: Db, title: string, problem: string, conceptKeys: string[] | null) {
  const analysis = await analyseText(db, `${title}\n${problem}`);
  const keys = conceptKeys ? [...new Set(conceptKeys)] : analysis.concepts.map((c) => c.key);
  return { conceptKeys: keys, matchKeys: matchKeysOf(keys), terms: analysis.terms };
}

/** Posts a challenge for an organisation the actor speaks for; without concept keys the text's concepts are taken. */
export async function createChallenge(
  db: Db,
  actor: Actor,
  input: CreateChallenge,
  today = todayInGermany(),
): Promise<ChallengeDetail> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const organisation = await visibleOrganisations(db, actor, [input.organisationId]);
  if (organisation.has(input.organisationId) && !isOwnerSide(actor, input)) {
    throw new AppError(
      'forbidden',
      'Sie können nur für eine Organisation, für die Sie sprechen, eine Challenge stellen.',
    );
  }
  const problems = await fieldProblems(db, input, today);
  if (!organisation.has(input.organisationId)) {
    problems.unshift({ field: 'organisationId', reason: `Organisation ${input.organisationId} gibt es nicht` });
  }
  if (problems.length > 0) throw invalidBody(problems);
  const matching = await matchingOf(db, input.title, input.problem, input.conceptKeys ?? null);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(challenges)
      .values({
        organisationId: input.organisationId,
        title: input.title,
        problem: input.problem,
        language: input.language,
        deadline: input.deadline,
        visibility: input.visibility,
        ...matching,
        createdBy: actor.userId > 0 ? actor.userId : null,
      })
      .returning();
    if (!row) throw new AppError('internal', 'Challenge konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'challenge', entityId: row.id, after: row });
    return row.id;
  });
  return getChallenge(db, actor, id, today);
}

/**
 * Concept keys after an edit of the text: the given ones; else, if the stored ones were just what
 * the old text gave, what the new text gives; else (chosen by the author) the stored ones.
 */
async function conceptKeysAfterEdit(
  db: Db,
  current: VisibleChallenge,
  given: string[] | undefined,
  textChanged: boolean,
): Promise<string[] | null> {
  if (given) return given;
  if (!textChanged) return current.conceptKeys;
  const before = (await analyseText(db, `${current.title}\n${current.problem}`)).concepts.map((c) => c.key);
  const wasDerived =
    before.length === current.conceptKeys.length && before.every((k) => current.conceptKeys.includes(k));
  return wasDerived ? null : current.conceptKeys;
}

/** Changes an open challenge if the version matches; a stale version gets 409 conflict. */
export async function updateChallenge(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateChallenge,
  today = todayInGermany(),
): Promise<ChallengeDetail> {
  const current = await findVisibleChallenge(db, actor, id);
  requireOwnerSide(actor, current);
  if (current.status === 'closed') throw new AppError('conflict', 'Die Challenge ist geschlossen.');
  const { version, conceptKeys, ...changes } = input;
  const problems = await fieldProblems(db, input, today);
  if (problems.length > 0) throw invalidBody(problems);
  const title = changes.title ?? current.title;
  const problem = changes.problem ?? current.problem;
  const textChanged = title !== current.title || problem !== current.problem;
  const matching =
    textChanged || conceptKeys
      ? await matchingOf(db, title, problem, await conceptKeysAfterEdit(db, current, conceptKeys, textChanged))
      : {};
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(challenges).where(eq(challenges.id, id));
    const [after] = await tx
      .update(challenges)
      .set({ ...changes, ...matching, version: sql`${challenges.version} + 1` })
      .where(and(eq(challenges.id, id), eq(challenges.version, version)))
      .returning();
    if (!after) throw staleVersion('Die Challenge', current.version);
    await recordAudit(tx, actor, { action: 'update', entityType: 'challenge', entityId: id, before, after });
  });
  return getChallenge(db, actor, id, today);
}

/** Closes a challenge: no more responses; the owner side still decides on those it has. */
export async function closeChallenge(
  db: Db,
  actor: Actor,
  id: number,
  input: CloseChallenge,
  today = todayInGermany(),
): Promise<ChallengeDetail> {
  const current = await findVisibleChallenge(db, actor, id);
  requireOwnerSide(actor, current);
  if (current.status === 'closed') throw new AppError('conflict', 'Die Challenge ist schon geschlossen.');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(challenges)
      .set({ status: 'closed', version: sql`${challenges.version} + 1` })
      .where(and(eq(challenges.id, id), eq(challenges.version, input.version)))
      .returning();
    if (!after) throw staleVersion('Die Challenge', current.version);
    await recordAudit(tx, actor, {
      action: 'close',
      entityType: 'challenge',
      entityId: id,
      before: { status: current.status, version: current.version },
      after: { status: after.status, version: after.version },
    });
  });
  return getChallenge(db, actor, id, today);
}
