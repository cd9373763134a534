import { sql } from 'drizzle-orm';
import type { CreateGrant, FundingLineInput, GrantDetail } from '../../../contracts/funding';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, canEditFunding } from '../accounts';
import { recordAudit } from '../audit';
import { manualProvenance, projectVisibleSql, staleVersion } from '../programmes';
import { type FieldProblem, grantProblems } from './grant-rules';
import { getGrant, insertGrants, refreshHeadlineAmounts } from './grants.service';

function invalid(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', `Ungültige Angaben: ${problems.map((p) => `body.${p.field}`).join(', ')}`, {
    fields: problems.map((p) => ({ field: `body.${p.field}`, reason: p.reason })),
  });
}

/** The project a grant is for, if the actor may see it and edit its money; its programme. */
async function editableProject(db: Db, actor: Actor, projectId: number) {
  const [project] = await queryRows<{ id: number; programme_id: number }>(
    db,
    sql`select p.id, p.programme_id from projects p where p.id = ${projectId} and ${projectVisibleSql(actor, 'p')}`,
  );
  if (!project) throw invalid([{ field: 'projectId', reason: `Projekt ${projectId} gibt es nicht` }]);
  if (!canEditFunding(actor, Number(project.programme_id))) {
    throw new AppError('forbidden', 'Förderungen dieses Programms dürfen Sie nicht bearbeiten.');
  }
  return { id: Number(project.id), programmeId: Number(project.programme_id) };
}

/** References that must exist: partners and funder in the directory, the call in the same programme. */
async function referenceProblems(db: Db, input: CreateGrant, programmeId: number): Promise<FieldProblem[]> {
  const orgIds = [...new Set([...input.partners.map((p) => p.organisationId), input.funderOrganisationId ?? 0])];
  const [known, calls] = await Promise.all([
    queryRows<{ id: number }>(db, sql`select id from organisations where id = any(${intArray(orgIds)})`),
    input.callId
      ? queryRows<{ programme_id: number }>(db, sql`select programme_id from funding_calls where id = ${input.callId}`)
      : Promise.resolve([]),
  ]);
  const exists = new Set(known.map((k) => Number(k.id)));
  const problems: FieldProblem[] = [];
  input.partners.forEach((p, i) => {
    if (!exists.has(p.organisationId))
      problems.push({ field: `partners.${i}.organisationId`, reason: 'Organisation gibt es nicht' });
  });
  if (input.funderOrganisationId && !exists.has(input.funderOrganisationId)) {
    problems.push({ field: 'funderOrganisationId', reason: 'Organisation gibt es nicht' });
  }
  if (input.callId && calls.length === 0) problems.push({ field: 'callId', reason: 'Aufruf gibt es nicht' });
  if (input.callId && calls[0] && Number(calls[0].programme_id) !== programmeId) {
    problems.push({ field: 'callId', reason: 'Aufruf gehört zu einem anderen Programm als das Projekt' });
  }
  return problems;
}

/** Records a grant decision with its consortium and funding lines, after every check passed. */
export async function createGrant(
  db: Db,
  actor: Actor,
  input: CreateGrant,
  extra: { applicationId?: number | null } = {},
): Promise<GrantDetail> {
  const project = await editableProject(db, actor, input.projectId);
  const problems = [...grantProblems(input), ...(await referenceProblems(db, input, project.programmeId))];
  if (problems.length > 0) throw invalid(problems);
  const provenance = manualProvenance(actor);
  const id = await db.transaction(async (tx) => {
    const [created] = await insertGrants(tx, [
      {
        ...input,
        applicationId: extra.applicationId ?? null,
        lines: input.lines.map((l) => ({ ...l, provenance })),
        provenance,
      },
    ]);
    if (created === undefined) throw new AppError('internal', 'Förderung konnte nicht angelegt werden.');
    await recordAudit(tx, actor, { action: 'create', entityType: 'grant', entityId: created, after: input });
    return created;
  });
  return getGrant(db, actor, id);
}

/**
 * Adds funding lines (a commitment, a disbursement) to a grant if the version matches; the grant
 * with all its lines must still pass the checks.
 */
export async function addGrantLines(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number; lines: FundingLineInput[] },
): Promise<GrantDetail> {
  const grant = await getGrant(db, actor, id);
  await editableProject(db, actor, grant.project.id);
  if (grant.version !== input.version) throw staleVersion('Förderung', grant.version);
  const existing = grant.lines.map((l) => ({ ...l, organisationId: l.organisation?.id ?? null }));
  const problems = grantProblems({
    amountCents: grant.amountCents,
    decidedOn: grant.decidedOn,
    periodStart: grant.periodStart,
    periodEnd: grant.periodEnd,
    partners: grant.partners,
    lines: [...existing, ...input.lines],
  })
    // Existing lines were accepted before; only problems of the new lines count.
    .filter((p) => !p.field.startsWith('partners'))
    .flatMap((p) => {
      const match = /^lines\.(\d+)\.(.+)$/.exec(p.field);
      if (!match) return [p];
      const index = Number(match[1]) - existing.length;
      return index >= 0 ? [{ field: `lines.${index}.${match[2]}`, reason: p.reason }] : [];
    });
  if (problems.length > 0) throw invalid(problems);
  const provenance = manualProvenance(actor);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update grants set version = version + 1 where id = ${id}`);
    await tx.execute(sql`insert into funding_lines (project_id, grant_id, organisation_id, source, kind, amount_cents, year, note, overrun_reason, provenance)
      select ${grant.project.id}, ${id}, l.organisation_id, l.source::funding_source, l.kind::funding_kind, l.amount_cents, l.year, l.note, l.overrun_reason, ${JSON.stringify(provenance)}::jsonb
      from jsonb_to_recordset(${JSON.stringify(
        input.lines.map((l) => ({
          organisation_id: l.organisationId ?? null,
          source: l.source,
          kind: l.kind,
          amount_cents: l.amountCents,
          year: l.year ?? null,
          note: l.note ?? null,
          overrun_reason: l.overrunReason ?? null,
        })),
      )}::jsonb) as l(organisation_id int, source text, kind text, amount_cents bigint, year int, note text, overrun_reason text)`);
    await refreshHeadlineAmounts(tx, [grant.project.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'grant',
      entityId: id,
      before: { version: grant.version },
      after: input,
    });
  });
  return getGrant(db, actor, id);
}
