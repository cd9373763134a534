import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ContactStage } from '../../../contracts/matching';
import { type ContactDetail, contactTransitions, type TransitionContact } from '../../../contracts/profiles';
import { addDays, germanDate, todayInGermany } from '../../calendar';
import { type Db, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { grantVisibleSql } from '../grants';
import { projectVisibleSql, staleVersion } from '../programmes';
import { getContact, loadContact } from './contacts.service';
import { requireUser } from './profiles.policy';
import { partnerContactEvents, partnerContacts } from './profiles.table';

/** A contact is followed up — rated — this many weeks after the meeting. */
export const FOLLOW_UP_WEEKS = 6;

const stageNames: Record<ContactStage, string> = {
  interest: 'Interesse',
  brokered: 'vermittelt',
  meeting: 'Treffen',
  rated: 'bewertet',
  declined: 'abgesagt',
};

/** A project or grant to link that does not exist or that the actor may not see. */
async function linkProblems(db: Db, actor: Actor, input: TransitionContact): Promise<FieldProblem[]> {
  const [project, grant] = await Promise.all([
    input.projectId
      ? queryRows(
          db,
          sql`select 1 from projects p where p.id = ${input.projectId} and ${projectVisibleSql(actor, 'p')}`,
        )
      : Promise.resolve([1]),
    input.grantId
      ? queryRows(db, sql`select 1 from grants g where g.id = ${input.grantId} and ${grantVisibleSql(actor, 'g')}`)
      : Promise.resolve([1]),
  ]);
  const problems: FieldProblem[] = [];
  if (project.length === 0) problems.push({ field: 'projectId', reason: `Projekt ${input.projectId} gibt es nicht` });
  if (grant.length === 0) problems.push({ field: 'grantId', reason: `Förderung ${input.grantId} gibt es nicht` });
  return problems;
}

/**
 * Moves a contact along the funnel, with a dated step and an audit entry: the agency brokers an
 * interest; either side or the agency records the meeting (the follow-up falls due six weeks
 * later) and, from then on, the rating and the project or grant that came of it; the addressee or
 * the agency declines an open contact.
 */
export async function transitionContact(
  db: Db,
  actor: Actor,
  id: number,
  input: TransitionContact,
  today = todayInGermany(),
): Promise<ContactDetail> {
  requireUser(actor);
  const current = await loadContact(db, actor, id);
  if (!contactTransitions[current.stage].includes(input.to)) {
    throw new AppError(
      'conflict',
      `Ein Kontakt im Stand „${stageNames[current.stage]}“ kann nicht „${stageNames[input.to]}“ werden.`,
      { stage: current.stage, allowed: contactTransitions[current.stage] },
    );
  }
  if (!current.allowedTransitions.includes(input.to)) {
    throw new AppError(
      'forbidden',
      input.to === 'brokered'
        ? 'Vermitteln kann nur die zuständige Wirtschaftsförderung.'
        : 'Absagen können die angefragte Organisation und die Wirtschaftsförderung.',
    );
  }
  if (current.version !== input.version) throw staleVersion('Der Kontakt', current.version);
  const changes: PgUpdateSetSource<typeof partnerContacts> = { stage: input.to };
  if (input.to === 'meeting' && input.meetingOn) {
    changes.meetingOn = input.meetingOn;
    changes.followUpDue = addDays(input.meetingOn, 7 * FOLLOW_UP_WEEKS);
  }
  if (input.to === 'rated') {
    const isFirstRating = current.stage === 'meeting';
    if (isFirstRating && current.followUpDue && today < current.followUpDue) {
      throw new AppError(
        'conflict',
        `Bewerten lässt sich der Kontakt ab dem ${germanDate(current.followUpDue)}, ${FOLLOW_UP_WEEKS} Wochen nach dem Treffen.`,
        { followUpDue: current.followUpDue },
      );
    }
    const problems = await linkProblems(db, actor, input);
    if (isFirstRating && !input.rating) problems.unshift({ field: 'rating', reason: 'Bewertung fehlt' });
    const isChange = input.rating !== undefined || input.projectId !== undefined || input.grantId !== undefined;
    if (!isFirstRating && !isChange) {
      problems.unshift({ field: 'rating', reason: 'Bewertung, Projekt oder Förderung angeben' });
    }
    if (problems.length > 0) throw invalidBody(problems);
    if (input.rating) changes.rating = input.rating;
    if (input.projectId !== undefined) changes.projectId = input.projectId;
    if (input.grantId !== undefined) changes.grantId = input.grantId;
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerContacts).where(eq(partnerContacts.id, id));
    const [after] = await tx
      .update(partnerContacts)
      .set({ ...changes, version: sql`${partnerContacts.version} + 1` })
      .where(and(eq(partnerContacts.id, id), eq(partnerContacts.version, input.version)))
      .returning();
    if (!after) throw staleVersion('Der Kontakt', current.version);
    await tx.insert(partnerContactEvents).values({
      contactId: id,
      stage: input.to,
      rating: input.rating ?? null,
      byUserId: actor.userId > 0 ? actor.userId : null,
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'transition',
      entityType: 'partner_contact',
      entityId: id,
      before,
      after: { ...after, note: input.note ?? null },
    });
  });
  return getContact(db, actor, id);
}
