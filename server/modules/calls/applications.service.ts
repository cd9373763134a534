import { type SQL, sql } from 'drizzle-orm';
import type {
  ApplicationDetail,
  ApplicationListItem,
  ListApplicationsQuery,
  SubmitApplication,
} from '../../../contracts/calls';
import { type ApplicationState, applicationTransitions as allowedMoves } from '../../../contracts/funding';
import type { OrganisationType } from '../../../contracts/portfolio';
import { germanDate, todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError, type FieldProblem, invalidBody } from '../../errors';
import { type Actor, canEditFunding, isStaff, organisationScope } from '../accounts';
import { recordAudit } from '../audit';
import { formatEuroExactDe } from '../funding';
import { manualProvenance } from '../programmes';
import { callVisibleSql, findVisibleCall } from './calls.service';
import { applicationPartners, applications, applicationTransitions } from './calls.table';
import { eligibilityProblems } from './eligibility';

/**
 * Whether the application row under `alias` is visible: its call must be, and the reader is staff,
 * speaks for an organisation of its consortium or submitted it.
 */
export function applicationVisibleSql(actor: Actor, alias: string): SQL {
  const a = sql.raw(`"${alias}"`);
  const call = sql`exists (select 1 from funding_calls vc where vc.id = ${a}.call_id and ${callVisibleSql(actor, 'vc')})`;
  if (actor.kind !== 'user') return sql`false`;
  if (isStaff(actor)) return call;
  const orgs = organisationScope(actor);
  const byOrganisation =
    orgs.length > 0
      ? sql`exists (select 1 from application_partners vap where vap.application_id = ${a}.id and vap.organisation_id = any(${intArray(orgs)}))`
      : sql`false`;
  return sql`((${byOrganisation} or ${a}.submitted_by = ${actor.userId}) and ${call})`;
}

/** Whether the actor applies: speaks for the lead organisation or submitted the application. */
export function isApplicant(actor: Actor, a: { leadOrganisationId: number; submittedBy: number | null }): boolean {
  return (
    actor.kind === 'user' &&
    (organisationScope(actor).includes(a.leadOrganisationId) ||
      (a.submittedBy !== null && a.submittedBy === actor.userId))
  );
}

/** The states the actor may move an application to: withdrawal by the applicant, decisions by the funder. */
export function movesFor(
  actor: Actor,
  a: { state: ApplicationState; programmeId: number; leadOrganisationId: number; submittedBy: number | null },
): ApplicationState[] {
  return allowedMoves[a.state].filter((to) =>
    to === 'withdrawn' ? isApplicant(actor, a) : canEditFunding(actor, a.programmeId),
  );
}

/** Why an application cannot be accepted, field by field: dates, amounts, the consortium's eligibility. */
async function submissionProblems(
  db: Db,
  call: Awaited<ReturnType<typeof findVisibleCall>>,
  input: SubmitApplication,
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.periodEnd && input.periodEnd < today) {
    problems.push({ field: 'periodEnd', reason: 'Der Zeitraum endet vor dem Tag der Einreichung' });
  }
  const lead = input.partners.findIndex((p) => p.organisationId === input.leadOrganisationId);
  if (lead < 0)
    problems.push({ field: 'partners', reason: 'Der Lead muss unter den Partnern stehen, mit seinem Betrag' });
  const seen = new Set<number>();
  input.partners.forEach((p, i) => {
    if (seen.has(p.organisationId)) {
      problems.push({ field: `partners.${i}.organisationId`, reason: 'Organisation steht schon im Konsortium' });
    }
    seen.add(p.organisationId);
  });
  const sum = input.partners.reduce((s, p) => s + p.requestedCents, 0);
  if (sum !== input.requestedCents) {
    problems.push({
      field: 'partners',
      reason: `Die Beträge der Partner ergeben ${formatEuroExactDe(sum)}, beantragt sind ${formatEuroExactDe(input.requestedCents)}`,
    });
  }
  const found = await eligibilityProblems(db, call, [...seen, input.leadOrganisationId]);
  const check = (field: string, organisationId: number) => {
    const org = found.get(organisationId);
    if (!org) problems.push({ field, reason: `Organisation ${organisationId} gibt es nicht` });
    else if (org.reasons.length > 0) problems.push({ field, reason: `${org.name}: ${org.reasons.join('; ')}` });
  };
  check('leadOrganisationId', input.leadOrganisationId);
  input.partners.forEach((p, i) => {
    if (p.organisationId !== input.leadOrganisationId) check(`partners.${i}.organisationId`, p.organisationId);
  });
  return problems;
}

/**
 * Submits an application to an open call for a lead organisation the actor speaks for (staff may
 * submit for any); every partner must be eligible and the partners' amounts add up to the request.
 */
export async function submitApplication(
  db: Db,
  actor: Actor,
  callId: number,
  input: SubmitApplication,
  today = todayInGermany(),
): Promise<ApplicationDetail> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const call = await findVisibleCall(db, actor, callId);
  if (!isStaff(actor) && !organisationScope(actor).includes(input.leadOrganisationId)) {
    throw new AppError('forbidden', 'Sie können nur für eine Organisation einreichen, für die Sie sprechen.');
  }
  // A call that is not open is a state of the call, not a mistake in the form.
  if ((call.opensOn && today < call.opensOn) || (call.closesOn && today > call.closesOn)) {
    throw new AppError(
      'conflict',
      call.opensOn && today < call.opensOn
        ? `Der Aufruf öffnet erst am ${germanDate(call.opensOn ?? '')}.`
        : `Der Aufruf ist seit dem ${germanDate(call.closesOn ?? '')} geschlossen.`,
      { opensOn: call.opensOn, closesOn: call.closesOn },
    );
  }
  const problems = await submissionProblems(db, call, input, today);
  if (problems.length > 0) throw invalidBody(problems);
  const provenance = manualProvenance(actor);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        callId,
        title: input.title,
        summary: input.summary,
        leadOrganisationId: input.leadOrganisationId,
        requestedCents: input.requestedCents,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        state: 'submitted',
        submittedBy: actor.userId > 0 ? actor.userId : null,
        provenance,
      })
      .returning();
    if (!row) throw new AppError('internal', 'Antrag konnte nicht angelegt werden.');
    await tx.insert(applicationPartners).values(
      input.partners.map((p) => ({
        applicationId: row.id,
        organisationId: p.organisationId,
        role: p.organisationId === input.leadOrganisationId ? ('lead' as const) : ('partner' as const),
        requestedCents: p.requestedCents,
      })),
    );
    await tx.insert(applicationTransitions).values({
      applicationId: row.id,
      fromState: null,
      toState: 'submitted',
      byUserId: row.submittedBy,
      comment: null,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'application', entityId: row.id, after: input });
    return row.id;
  });
  return getApplication(db, actor, id);
}

type ListRow = {
  id: number;
  call_id: number;
  call_title: string;
  title: string;
  lead_id: number;
  lead_name: string;
  partner_count: string;
  requested_cents: string | number;
  period_start: string | null;
  period_end: string | null;
  state: ApplicationState;
  submitted_at: string;
  project_id: number | null;
};

const listColumns = sql`a.id, a.call_id, c.title as call_title, a.title, a.lead_organisation_id as lead_id,
  lo.name as lead_name, (select count(*) from application_partners p where p.application_id = a.id) as partner_count,
  a.requested_cents, a.period_start::text as period_start, a.period_end::text as period_end, a.state,
  to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as submitted_at, a.project_id`;
const listFrom = sql`applications a join funding_calls c on c.id = a.call_id
  join organisations lo on lo.id = a.lead_organisation_id`;

function toListItem(r: ListRow): ApplicationListItem {
  return {
    id: Number(r.id),
    call: { id: Number(r.call_id), title: r.call_title },
    title: r.title,
    lead: { id: Number(r.lead_id), name: r.lead_name },
    partnerCount: Number(r.partner_count),
    requestedCents: Number(r.requested_cents),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    state: r.state,
    submittedAt: r.submitted_at,
    projectId: r.project_id === null ? null : Number(r.project_id),
  };
}

/** The applications to a call the actor may see: staff all, others those of their organisations. */
export async function listApplications(
  db: Db,
  actor: Actor,
  callId: number,
  query: ListApplicationsQuery,
): Promise<{ items: ApplicationListItem[]; total: number }> {
  await findVisibleCall(db, actor, callId);
  const where = sql`a.call_id = ${callId} and ${applicationVisibleSql(actor, 'a')}
    ${query.state ? sql`and a.state = ${query.state}` : sql``}`;
  const [rows, count] = await Promise.all([
    queryRows<ListRow>(
      db,
      sql`select ${listColumns} from ${listFrom} where ${where} order by a.submitted_at desc, a.id desc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(db, sql`select count(*) as n from applications a where ${where}`),
  ]);
  return { items: rows.map(toListItem), total: Number(count[0]?.n ?? 0) };
}

/** One application with its consortium, its dated history and what the reader may do with it. */
export async function getApplication(db: Db, actor: Actor, id: number): Promise<ApplicationDetail> {
  const [row] = await queryRows<
    ListRow & {
      programme_id: number;
      programme_name: string;
      summary: string | null;
      submitted_by: number | null;
      submitted_by_name: string | null;
      grant_id: number | null;
      version: number;
      provenance: ApplicationDetail['provenance'];
    }
  >(
    db,
    sql`select ${listColumns}, c.programme_id, pg.name as programme_name, a.summary, a.submitted_by,
        u.name as submitted_by_name, (select g.id from grants g where g.application_id = a.id) as grant_id,
        a.version, a.provenance
      from ${listFrom} join programmes pg on pg.id = c.programme_id left join users u on u.id = a.submitted_by
      where a.id = ${id} and ${applicationVisibleSql(actor, 'a')}`,
  );
  if (!row) throw new AppError('not_found', `Antrag ${id} wurde nicht gefunden.`);
  const [partners, transitions] = await Promise.all([
    queryRows<{
      organisation_id: number;
      name: string;
      type: OrganisationType;
      role: 'lead' | 'partner';
      requested_cents: string;
    }>(
      db,
      sql`select p.organisation_id, o.name, o.type, p.role, p.requested_cents from application_partners p
        join organisations o on o.id = p.organisation_id where p.application_id = ${id}
        order by (p.role = 'lead') desc, o.name`,
    ),
    queryRows<{
      id: number;
      from_state: ApplicationState | null;
      to_state: ApplicationState;
      at: string;
      by: string | null;
      comment: string | null;
    }>(
      db,
      sql`select t.id, t.from_state, t.to_state, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
          u.name as by, t.comment
        from application_transitions t left join users u on u.id = t.by_user_id
        where t.application_id = ${id} order by t.at, t.id`,
    ),
  ]);
  const submittedBy = row.submitted_by === null ? null : Number(row.submitted_by);
  const programmeId = Number(row.programme_id);
  return {
    ...toListItem(row),
    programme: { id: programmeId, name: row.programme_name },
    summary: row.summary,
    submittedBy: row.submitted_by_name,
    partners: partners.map((p) => ({
      organisationId: Number(p.organisation_id),
      name: p.name,
      type: p.type,
      role: p.role,
      requestedCents: Number(p.requested_cents),
    })),
    transitions: transitions.map((t) => ({
      id: Number(t.id),
      from: t.from_state,
      to: t.to_state,
      at: t.at,
      by: t.by,
      comment: t.comment,
    })),
    allowedTransitions: movesFor(actor, {
      state: row.state,
      programmeId,
      leadOrganisationId: Number(row.lead_id),
      submittedBy,
    }),
    grantId: row.grant_id === null ? null : Number(row.grant_id),
    version: Number(row.version),
    provenance: row.provenance,
  };
}
