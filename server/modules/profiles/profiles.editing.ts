import { and, eq, sql } from 'drizzle-orm';
import type { CreateProfile, ProfileDetail, UpdateProfile } from '../../../contracts/profiles';
import { addMonths, germanDate, todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { analyseText, matchKeysOf, unknownConceptKeys } from '../matching';
import { manualProvenance, staleVersion } from '../programmes';
import { agencyProblem, defaultAgencyId } from './agencies';
import { requireUser, speaksFor } from './profiles.policy';
import { getProfile, loadProfile } from './profiles.service';
import { partnerProfiles } from './profiles.table';

/** A profile runs this many months unless its author chooses otherwise, and at most twice as long. */
export const PROFILE_RUNS_MONTHS = 12;
const PROFILE_RUNS_AT_MOST_MONTHS = 24;

type Checked = Partial<
  Pick<CreateProfile, 'conceptKeys' | 'soughtRegionIds' | 'deadline' | 'expiresOn' | 'agencyOrganisationId'>
>;

/** Unknown concepts and regions, dates out of range and an agency that cannot be, field by field. */
async function fieldProblems(
  db: Db,
  actor: Actor,
  input: { [K in keyof Checked]?: Checked[K] | null },
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const regionIds = input.soughtRegionIds ?? [];
  const [unknownKeys, regions, agency] = await Promise.all([
    input.conceptKeys ? unknownConceptKeys(db, input.conceptKeys) : Promise.resolve([]),
    regionIds.length > 0
      ? queryRows<{ id: number }>(db, sql`select id from regions where id = any(${intArray(regionIds)})`)
      : Promise.resolve([]),
    input.agencyOrganisationId ? agencyProblem(db, actor, input.agencyOrganisationId) : Promise.resolve(null),
  ]);
  if (unknownKeys.length > 0) {
    problems.push({ field: 'conceptKeys', reason: `Unbekannte Begriffe: ${unknownKeys.join(', ')}` });
  }
  const known = new Set(regions.map((r) => Number(r.id)));
  regionIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ field: `soughtRegionIds.${i}`, reason: `Region ${id} gibt es nicht` });
  });
  if (input.deadline && input.deadline < today) {
    problems.push({ field: 'deadline', reason: 'Die Frist liegt in der Vergangenheit' });
  }
  const latest = addMonths(today, PROFILE_RUNS_AT_MOST_MONTHS);
  if (input.expiresOn && input.expiresOn < today) {
    problems.push({ field: 'expiresOn', reason: 'Das Ablaufdatum liegt in der Vergangenheit' });
  } else if (input.expiresOn && input.expiresOn > latest) {
    problems.push({ field: 'expiresOn', reason: `Ein Profil läuft höchstens bis zum ${germanDate(latest)}` });
  }
  if (agency) problems.push(agency);
  return problems;
}

/** What the text of a profile gives: its concepts (unless the author chose them), match keys and word stems. */
async function textFacts(db: Db, title: string, summary: string) {
  return analyseText(db, `${title}\n${summary}`);
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Creates a draft profile of an organisation the actor speaks for. Without concept keys the
 * concepts are those the title and summary name; without an agency, the organisation's default one.
 */
export async function createProfile(
  db: Db,
  actor: Actor,
  input: CreateProfile,
  today = todayInGermany(),
): Promise<ProfileDetail> {
  requireUser(actor);
  if (!speaksFor(actor, input.organisationId)) {
    throw new AppError('forbidden', 'Profile anlegen kann nur, wer für die Organisation spricht.');
  }
  const [organisation] = await queryRows<{ id: number }>(
    db,
    sql`select id from organisations where id = ${input.organisationId}`,
  );
  const problems = await fieldProblems(db, actor, input, today);
  if (!organisation)
    problems.unshift({ field: 'organisationId', reason: `Organisation ${input.organisationId} gibt es nicht` });
  if (problems.length > 0) throw invalidBody(problems);
  const facts = await textFacts(db, input.title, input.summary);
  const conceptKeys = unique(input.conceptKeys ?? facts.concepts.map((c) => c.key));
  const agencyOrganisationId = input.agencyOrganisationId ?? (await defaultAgencyId(db, input.organisationId));
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerProfiles)
      .values({
        organisationId: input.organisationId,
        agencyOrganisationId,
        kind: input.kind,
        language: input.language,
        title: input.title,
        summary: input.summary,
        conceptKeys,
        conceptsEdited: input.conceptKeys !== undefined,
        matchKeys: matchKeysOf(conceptKeys),
        terms: facts.terms,
        soughtTypes: unique(input.soughtTypes),
        soughtSizes: unique(input.soughtSizes),
        soughtCountries: unique(input.soughtCountries),
        soughtRegionIds: unique(input.soughtRegionIds),
        stage: input.stage,
        deadline: input.deadline,
        expiresOn: input.expiresOn ?? addMonths(today, PROFILE_RUNS_MONTHS),
        visibility: input.visibility,
        status: 'draft',
        createdBy: actor.userId > 0 ? actor.userId : null,
        provenance: manualProvenance(actor),
      })
      .returning();
    if (!row) throw new AppError('internal', 'Profil konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'partner_profile', entityId: row.id, after: row });
    return row.id;
  });
  return getProfile(db, actor, id, today);
}

/**
 * Updates a profile with the version read (stale: 409). New title, summary or kind send a
 * published profile back to review; concepts follow the text until the author chooses them.
 */
export async function updateProfile(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateProfile,
  today = todayInGermany(),
): Promise<ProfileDetail> {
  requireUser(actor);
  const current = await loadProfile(db, actor, id, today);
  if (!speaksFor(actor, current.organisationId)) {
    throw new AppError('forbidden', 'Ändern kann das Profil nur, wer für die Organisation spricht.');
  }
  if (current.status === 'withdrawn') {
    throw new AppError('conflict', 'Ein zurückgezogenes Profil kann nicht mehr geändert werden.');
  }
  const problems = await fieldProblems(db, actor, input, today);
  if (problems.length > 0) throw invalidBody(problems);
  const { version, conceptKeys: chosenKeys, agencyOrganisationId, ...changes } = input;
  const title = changes.title ?? current.title;
  const summary = changes.summary ?? current.summary;
  const isTextChanged = title !== current.title || summary !== current.summary;
  const isKindChanged = changes.kind !== undefined && changes.kind !== current.kind;
  const facts = isTextChanged || chosenKeys === null ? await textFacts(db, title, summary) : null;
  let concepts: { conceptKeys: string[]; conceptsEdited: boolean } | null = null;
  if (chosenKeys) concepts = { conceptKeys: unique(chosenKeys), conceptsEdited: true };
  else if (facts && (chosenKeys === null || !current.conceptsEdited)) {
    concepts = { conceptKeys: unique(facts.concepts.map((c) => c.key)), conceptsEdited: false };
  }
  const agency =
    agencyOrganisationId === undefined
      ? {}
      : { agencyOrganisationId: agencyOrganisationId ?? (await defaultAgencyId(db, current.organisationId)) };
  const backToReview = current.status === 'published' && (isTextChanged || isKindChanged);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerProfiles).where(eq(partnerProfiles.id, id));
    const [after] = await tx
      .update(partnerProfiles)
      .set({
        ...changes,
        ...(changes.soughtTypes ? { soughtTypes: unique(changes.soughtTypes) } : {}),
        ...(changes.soughtSizes ? { soughtSizes: unique(changes.soughtSizes) } : {}),
        ...(changes.soughtCountries ? { soughtCountries: unique(changes.soughtCountries) } : {}),
        ...(changes.soughtRegionIds ? { soughtRegionIds: unique(changes.soughtRegionIds) } : {}),
        ...(concepts ? { ...concepts, matchKeys: matchKeysOf(concepts.conceptKeys) } : {}),
        ...(facts ? { terms: facts.terms } : {}),
        ...agency,
        ...(backToReview ? { status: 'submitted' as const } : {}),
        updatedAt: sql`now()`,
        version: sql`${partnerProfiles.version} + 1`,
      })
      .where(and(eq(partnerProfiles.id, id), eq(partnerProfiles.version, version)))
      .returning();
    if (!after) throw staleVersion('Das Profil', current.version);
    await recordAudit(tx, actor, { action: 'update', entityType: 'partner_profile', entityId: id, before, after });
  });
  return getProfile(db, actor, id, today);
}
