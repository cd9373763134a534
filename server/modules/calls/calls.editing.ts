import { and, eq, sql } from 'drizzle-orm';
import type { CallDetail, CreateCall, UpdateCall } from '../../../contracts/calls';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import { type Actor, canEditFunding } from '../accounts';
import { recordAudit } from '../audit';
import { findVisibleProgramme, manualProvenance, staleVersion } from '../programmes';
import { findVisibleCall, getCall } from './calls.service';
import { fundingCalls } from './calls.table';

function requireFundingEditor(actor: Actor, programmeId: number): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditFunding(actor, programmeId)) {
    throw new AppError(
      'forbidden',
      'Aufrufe dieses Programms dürfen Sie nicht bearbeiten (Programmbüro oder Förderreferat nötig).',
    );
  }
}

/** Region ids, NACE codes and the funder that do not exist, and dates out of order, field by field. */
async function referenceProblems(db: Db, input: Partial<CreateCall>): Promise<FieldProblem[]> {
  const regionIds = input.eligibleRegionIds ?? [];
  const nace = input.eligibleNace ?? [];
  const [regions, codes, funder] = await Promise.all([
    regionIds.length > 0
      ? queryRows<{ id: number }>(db, sql`select id from regions where id = any(${intArray(regionIds)})`)
      : Promise.resolve([]),
    nace.length > 0
      ? queryRows<{ code: string }>(
          db,
          sql`select code from nace_codes where code = any(${`{${nace.join(',')}}`}::text[])`,
        )
      : Promise.resolve([]),
    input.funderOrganisationId
      ? queryRows<{ id: number }>(db, sql`select id from organisations where id = ${input.funderOrganisationId}`)
      : Promise.resolve([{ id: 0 }]),
  ]);
  const knownRegions = new Set(regions.map((r) => Number(r.id)));
  const knownCodes = new Set(codes.map((c) => c.code));
  const problems: FieldProblem[] = [];
  regionIds.forEach((id, i) => {
    if (!knownRegions.has(id)) problems.push({ field: `eligibleRegionIds.${i}`, reason: `Region ${id} gibt es nicht` });
  });
  nace.forEach((code, i) => {
    if (!knownCodes.has(code)) problems.push({ field: `eligibleNace.${i}`, reason: `NACE-Code ${code} gibt es nicht` });
  });
  if (funder.length === 0) problems.push({ field: 'funderOrganisationId', reason: 'Organisation gibt es nicht' });
  return problems;
}

/** Creates a call of a programme; its programme office, funding officers and admins may. */
export async function createCall(db: Db, actor: Actor, input: CreateCall): Promise<CallDetail> {
  await findVisibleProgramme(db, actor, input.programmeId);
  requireFundingEditor(actor, input.programmeId);
  const problems = await referenceProblems(db, input);
  if (problems.length > 0) throw invalidBody(problems);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: fundingCalls.id })
      .from(fundingCalls)
      .where(eq(fundingCalls.slug, input.slug));
    if (taken) {
      throw new AppError('conflict', `Das Kürzel „${input.slug}“ ist vergeben.`, {
        fields: [{ field: 'body.slug', reason: 'Kürzel ist vergeben' }],
      });
    }
    const [row] = await tx
      .insert(fundingCalls)
      .values({ ...input, provenance: manualProvenance(actor) })
      .returning();
    if (!row) throw new AppError('internal', 'Aufruf konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'funding_call', entityId: row.id, after: row });
    return row.id;
  });
  return getCall(db, actor, id);
}

/** Updates a call if the version matches; a stale version gets 409 conflict. */
export async function updateCall(db: Db, actor: Actor, id: number, input: UpdateCall): Promise<CallDetail> {
  const current = await findVisibleCall(db, actor, id);
  requireFundingEditor(actor, current.programmeId);
  const { version, ...changes } = input;
  const opensOn = changes.opensOn !== undefined ? changes.opensOn : current.opensOn;
  const closesOn = changes.closesOn !== undefined ? changes.closesOn : current.closesOn;
  const problems = await referenceProblems(db, changes);
  if (opensOn && closesOn && closesOn < opensOn)
    problems.push({ field: 'closesOn', reason: 'Schluss liegt vor der Öffnung' });
  if (problems.length > 0) throw invalidBody(problems);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, id));
    const [after] = await tx
      .update(fundingCalls)
      .set({ ...changes, version: sql`${fundingCalls.version} + 1` })
      .where(and(eq(fundingCalls.id, id), eq(fundingCalls.version, version)))
      .returning();
    if (!after) throw staleVersion('Der Aufruf', current.version);
    await recordAudit(tx, actor, { action: 'update', entityType: 'funding_call', entityId: id, before, after });
  });
  return getCall(db, actor, id);
}
