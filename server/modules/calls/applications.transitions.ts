import { and, eq, sql } from 'drizzle-orm';
import type { ApplicationDetail, Award, TransitionApplication } from '../../../contracts/calls';
import { applicationTransitions as allowedMoves } from '../../../contracts/funding';
import { todayInGermany } from '../../calendar';
import type { Db } from '../../db/client';
import { AppError, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { createGrant } from '../grants';
import { manualProvenance, staleVersion } from '../programmes';
import { insertProjects } from '../projects';
import { getApplication } from './applications.service';
import { applications, applicationTransitions, fundingCalls } from './calls.table';

const stateNames = {
  submitted: 'eingereicht',
  under_review: 'in Prüfung',
  approved: 'bewilligt',
  rejected: 'abgelehnt',
  withdrawn: 'zurückgezogen',
} as const;

/**
 * Moves an application to another state, with a dated entry and comment in its history. Only the
 * moves of `applicationTransitions` are possible; the applicant withdraws, the programme's funding
 * editors review, approve and reject. An approval creates the project and its grant in the same
 * transaction.
 */
export async function transitionApplication(
  db: Db,
  actor: Actor,
  id: number,
  input: TransitionApplication,
  today = todayInGermany(),
): Promise<ApplicationDetail> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const current = await getApplication(db, actor, id);
  if (!allowedMoves[current.state].includes(input.to)) {
    throw new AppError(
      'conflict',
      `Ein Antrag im Stand „${stateNames[current.state]}“ kann nicht „${stateNames[input.to]}“ werden.`,
      { state: current.state, allowed: allowedMoves[current.state] },
    );
  }
  if (!current.allowedTransitions.includes(input.to)) {
    throw new AppError(
      'forbidden',
      input.to === 'withdrawn'
        ? 'Nur die Antragstellenden können einen Antrag zurückziehen.'
        : 'Über Anträge dieses Programms entscheiden Programmbüro und Förderreferat.',
    );
  }
  if (current.version !== input.version) throw staleVersion('Der Antrag', current.version);
  if (input.award && input.to !== 'approved') {
    throw invalidBody([{ field: 'award', reason: 'Nur eine Bewilligung hat einen Betrag' }]);
  }
  await db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(applications)
      .set({ state: input.to, version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, id), eq(applications.version, input.version)))
      .returning({ id: applications.id });
    if (!bumped) throw staleVersion('Der Antrag', current.version);
    let grant: { projectId: number; grantId: number } | null = null;
    if (input.to === 'approved') {
      grant = await award(tx, actor, current, input.award ?? {}, input.comment, today);
      await tx.update(applications).set({ projectId: grant.projectId }).where(eq(applications.id, id));
    }
    await tx.insert(applicationTransitions).values({
      applicationId: id,
      fromState: current.state,
      toState: input.to,
      byUserId: actor.userId > 0 ? actor.userId : null,
      comment: input.comment,
    });
    await recordAudit(tx, actor, {
      action: 'transition',
      entityType: 'application',
      entityId: id,
      before: { state: current.state, version: current.version },
      after: { state: input.to, version: current.version + 1, comment: input.comment, ...grant },
    });
  });
  return getApplication(db, actor, id);
}

/** The project and grant of an approved application: consortium, shares and funding lines. */
async function award(
  tx: Db,
  actor: Actor & { kind: 'user' },
  application: ApplicationDetail,
  input: Award,
  comment: string | null,
  today: string,
): Promise<{ projectId: number; grantId: number }> {
  const amountCents = input.amountCents ?? application.requestedCents;
  const decidedOn = input.decidedOn ?? today;
  if (!input.partners && amountCents !== application.requestedCents) {
    throw invalidBody([
      {
        field: 'award.partners',
        reason: 'Weicht der Betrag vom beantragten ab, sind die Anteile der Partner anzugeben',
      },
    ]);
  }
  const shares = new Map(
    (
      input.partners ??
      application.partners.map((p) => ({ organisationId: p.organisationId, shareCents: p.requestedCents }))
    ).map((p) => [p.organisationId, p.shareCents]),
  );
  const strangers = [...shares.keys()].filter((o) => !application.partners.some((p) => p.organisationId === o));
  if (strangers.length > 0) {
    throw invalidBody(
      strangers.map((o) => ({
        field: `award.partners.${input.partners?.findIndex((p) => p.organisationId === o)}.organisationId`,
        reason: 'Organisation gehört nicht zum Konsortium des Antrags',
      })),
    );
  }
  const [call] = await tx
    .select({
      programmeId: fundingCalls.programmeId,
      funderName: fundingCalls.funderName,
      funderOrganisationId: fundingCalls.funderOrganisationId,
      visibility: fundingCalls.visibility,
    })
    .from(fundingCalls)
    .where(eq(fundingCalls.id, application.call.id));
  if (!call) throw new AppError('not_found', `Aufruf ${application.call.id} wurde nicht gefunden.`);
  const provenance = manualProvenance(actor);
  const [projectId] = await insertProjects(tx, [
    {
      programmeId: call.programmeId,
      title: application.title,
      summary: application.summary,
      startDate: application.periodStart,
      endDate: application.periodEnd,
      organisations: application.partners.map((p) => ({
        organisationId: p.organisationId,
        name: p.name,
        role: p.role,
        contributionCents: null,
      })),
      statusChanges: [
        {
          status: 'in_progress',
          changedOn: decidedOn,
          comment: comment ?? `Bewilligt (Antrag ${application.id})`,
          provenance,
        },
      ],
      fundingLines: [],
      searchTerms: [application.call.title],
      visibility: call.visibility,
      provenance,
    },
  ]);
  if (projectId === undefined) throw new AppError('internal', 'Projekt konnte nicht angelegt werden.');
  const partners = application.partners.map((p) => ({
    organisationId: p.organisationId,
    role: p.role,
    shareCents: shares.get(p.organisationId) ?? 0,
  }));
  // Without lines the shares are committed money whose split by source is not (yet) known.
  const lines =
    input.lines ??
    partners.map((p) => ({
      organisationId: p.organisationId,
      source: 'mixed' as const,
      kind: 'committed' as const,
      amountCents: p.shareCents,
      year: null,
    }));
  try {
    const grant = await createGrant(
      tx,
      actor,
      {
        projectId,
        callId: application.call.id,
        reference: input.reference ?? null,
        title: application.title,
        purpose: application.summary,
        funderOrganisationId: call.funderOrganisationId,
        funderName: call.funderName,
        amountCents,
        decidedOn,
        periodStart: application.periodStart,
        periodEnd: application.periodEnd,
        visibility: call.visibility,
        partners,
        lines,
      },
      { applicationId: application.id },
    );
    return { projectId, grantId: grant.id };
  } catch (err) {
    // The grant's checks name fields of the grant; in this request they sit under `award`.
    if (err instanceof AppError && err.code === 'validation_failed') {
      const fields = (err.details as { fields?: { field: string; reason: string }[] } | undefined)?.fields ?? [];
      throw invalidBody(fields.map((f) => ({ field: `award.${f.field.replace(/^body\./, '')}`, reason: f.reason })));
    }
    throw err;
  }
}
