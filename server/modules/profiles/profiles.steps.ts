import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ProfileStatus } from '../../../contracts/matching';
import type { ProfileDetail, ProfileStep, ReviewProfile } from '../../../contracts/profiles';
import { addDays, addMonths, germanDate, laterDate, todayInGermany } from '../../calendar';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor, UserActor } from '../accounts';
import { recordAudit } from '../audit';
import { staleVersion } from '../programmes';
import { PROFILE_RUNS_MONTHS } from './profiles.editing';
import { actsForAgency, requireUser, speaksFor } from './profiles.policy';
import { getProfile, type LoadedProfile, loadProfile, RENEWAL_WINDOW_DAYS } from './profiles.service';
import { partnerProfiles } from './profiles.table';

// The life of a profile after it is written: the author submits it to the agency, the agency
// publishes or rejects it, the author withdraws it or renews it before it expires. Each step is
// checked in one order — visible (404), allowed (403), version (409), state (409) — and audited.

const statusNames: Record<ProfileStatus, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  published: 'veröffentlicht',
  rejected: 'abgelehnt',
  withdrawn: 'zurückgezogen',
};

type Step = {
  action: string;
  /** Who may take the step; the message of the 403 otherwise. */
  allowed: (actor: Actor, p: LoadedProfile) => boolean;
  forbidden: string;
  /** Why the profile cannot take the step now (409), or null. */
  refusal: (p: LoadedProfile, today: string) => string | null;
  changes: (actor: UserActor, p: LoadedProfile, today: string) => PgUpdateSetSource<typeof partnerProfiles>;
};

async function takeStep(
  db: Db,
  actor: Actor,
  id: number,
  version: number | undefined,
  step: Step,
  today: string,
): Promise<ProfileDetail> {
  requireUser(actor);
  const current = await loadProfile(db, actor, id, today);
  if (!step.allowed(actor, current)) throw new AppError('forbidden', step.forbidden);
  if (version !== undefined && version !== current.version) throw staleVersion('Das Profil', current.version);
  const refusal = step.refusal(current, today);
  if (refusal) throw new AppError('conflict', refusal, { status: current.status, expiresOn: current.expiresOn });
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(partnerProfiles)
      .set({
        ...step.changes(actor, current, today),
        updatedAt: sql`now()`,
        version: sql`${partnerProfiles.version} + 1`,
      })
      .where(and(eq(partnerProfiles.id, id), eq(partnerProfiles.version, current.version)))
      .returning();
    if (!after) throw staleVersion('Das Profil', current.version);
    await recordAudit(tx, actor, {
      action: step.action,
      entityType: 'partner_profile',
      entityId: id,
      before: { status: current.status, expiresOn: current.expiresOn, version: current.version },
      after: {
        status: after.status,
        expiresOn: after.expiresOn,
        reviewNote: after.reviewNote,
        version: after.version,
      },
    });
  });
  return getProfile(db, actor, id, today);
}

const byAuthor = {
  allowed: (actor: Actor, p: LoadedProfile) => speaksFor(actor, p.organisationId),
  forbidden: 'Das kann nur, wer für die Organisation des Profils spricht.',
};

/** The author hands a draft (or a rejected profile, revised) to the agency for review. */
export function submitProfile(db: Db, actor: Actor, id: number, input: ProfileStep, today = todayInGermany()) {
  return takeStep(
    db,
    actor,
    id,
    input?.version,
    {
      action: 'submit',
      ...byAuthor,
      refusal: (p) =>
        p.status !== 'draft' && p.status !== 'rejected'
          ? `Ein Profil im Stand „${statusNames[p.status]}“ kann nicht eingereicht werden.`
          : p.isExpired
            ? `Das Profil ist am ${germanDate(p.expiresOn)} abgelaufen; bitte zuerst verlängern.`
            : null,
      changes: () => ({ status: 'submitted' }),
    },
    today,
  );
}

/** The reviewing agency publishes a submitted profile or rejects it with a note. */
export function reviewProfile(db: Db, actor: Actor, id: number, input: ReviewProfile, today = todayInGermany()) {
  return takeStep(
    db,
    actor,
    id,
    input.version,
    {
      action: input.decision,
      allowed: (a, p) => actsForAgency(a, p.agencyOrganisationId),
      forbidden: 'Prüfen kann das Profil nur die zuständige Wirtschaftsförderung.',
      refusal: (p) =>
        p.status !== 'submitted' ? `Das Profil ist nicht eingereicht (Stand „${statusNames[p.status]}“).` : null,
      changes: (a) => ({
        status: input.decision === 'publish' ? 'published' : 'rejected',
        reviewNote: input.note ?? null,
        reviewedBy: a.userId > 0 ? a.userId : null,
        reviewedAt: sql`now()`,
        ...(input.decision === 'publish' ? { publishedAt: sql`now()` } : {}),
      }),
    },
    today,
  );
}

/** The author takes a profile back, in any status; it is not shown again. */
export function withdrawProfile(db: Db, actor: Actor, id: number, input: ProfileStep, today = todayInGermany()) {
  return takeStep(
    db,
    actor,
    id,
    input?.version,
    {
      action: 'withdraw',
      ...byAuthor,
      refusal: (p) => (p.status === 'withdrawn' ? 'Das Profil ist bereits zurückgezogen.' : null),
      changes: () => ({ status: 'withdrawn' }),
    },
    today,
  );
}

/**
 * The author renews a profile that expires within 30 days or has expired: it then runs 12 months
 * from its expiry date, or from today when that has passed.
 */
export function renewProfile(db: Db, actor: Actor, id: number, input: ProfileStep, today = todayInGermany()) {
  return takeStep(
    db,
    actor,
    id,
    input?.version,
    {
      action: 'renew',
      ...byAuthor,
      refusal: (p, day) =>
        p.status === 'withdrawn'
          ? 'Ein zurückgezogenes Profil kann nicht verlängert werden.'
          : p.expiresOn > addDays(day, RENEWAL_WINDOW_DAYS)
            ? `Das Profil läuft bis zum ${germanDate(p.expiresOn)}; verlängern lässt es sich ab dem ${germanDate(addDays(p.expiresOn, -RENEWAL_WINDOW_DAYS))}.`
            : null,
      changes: (_a, p, day) => ({
        expiresOn: addMonths(laterDate(p.expiresOn, day), PROFILE_RUNS_MONTHS),
      }),
    },
    today,
  );
}
