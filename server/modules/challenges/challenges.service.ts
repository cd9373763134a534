import { type SQL, sql } from 'drizzle-orm';
import type { ChallengeDetail, ChallengeListItem, ListChallengesQuery } from '../../../contracts/challenges';
import type { ProfileLanguage } from '../../../contracts/matching';
import { todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows, textArray } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, canEditOrganisation, isAdmin, isStaff, organisationScope } from '../accounts';
import { describeConcepts } from '../matching';
import { organisationVisibleSql } from '../programmes';

/** The owner side: those who speak for the challenge's organisation (its people, unscoped agency staff, admins). */
export const isOwnerSide = (actor: Actor, challenge: { organisationId: number }): boolean =>
  canEditOrganisation(actor, challenge.organisationId);

/**
 * Whether the challenge row under `alias` is visible: to the organisations that own it, were
 * invited to it or answered it; otherwise only if its organisation is visible to the reader, and
 * then public challenges to everyone, invite-only ones to staff.
 */
export function challengeVisibleSql(actor: Actor, alias: string): SQL {
  if (isAdmin(actor)) return sql`true`;
  const c = sql.raw(`"${alias}"`);
  const organisationVisible = sql`exists (select 1 from organisations vco
    where vco.id = ${c}.organisation_id and ${organisationVisibleSql(actor, 'vco')})`;
  const levels = isStaff(actor) ? sql`true` : sql`${c}.visibility = 'public'`;
  const open = sql`(${levels} and ${organisationVisible})`;
  const orgs = organisationScope(actor);
  if (orgs.length === 0) return open;
  return sql`(${c}.organisation_id = any(${intArray(orgs)})
    or exists (select 1 from challenge_invitations vci
      where vci.challenge_id = ${c}.id and vci.organisation_id = any(${intArray(orgs)}))
    or exists (select 1 from challenge_responses vcr
      where vcr.challenge_id = ${c}.id and vcr.organisation_id = any(${intArray(orgs)}))
    or ${open})`;
}

/** open until its owner closes it or its deadline has passed. */
function statusSql(alias: string, today: string): SQL {
  const c = sql.raw(`"${alias}"`);
  return sql`(case when ${c}.status = 'closed' or ${c}.deadline < ${today}::date then 'closed' else 'open' end)`;
}

function filters(actor: Actor, query: ListChallengesQuery, today: string): SQL {
  const where: SQL[] = [challengeVisibleSql(actor, 'c')];
  if (query.status) where.push(sql`${statusSql('c', today)} = ${query.status}`);
  if (query.concept) where.push(sql`c.match_keys @> ${textArray([query.concept])}`);
  if (query.organisationId) where.push(sql`c.organisation_id = ${query.organisationId}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(c.title ilike ${like} or c.problem ilike ${like})`);
  }
  return sql.join(where, sql` and `);
}

type ListRow = {
  id: number;
  title: string;
  organisation_id: number;
  organisation_name: string;
  language: ProfileLanguage;
  concept_keys: string[];
  deadline: string;
  status: ChallengeListItem['status'];
  days_left: number | null;
  visibility: ChallengeListItem['visibility'];
  response_count: string | number;
};

const listColumns = (today: string) => sql`c.id, c.title, c.organisation_id, o.name as organisation_name,
  c.language, c.concept_keys, c.deadline::text as deadline, ${statusSql('c', today)} as status,
  case when ${statusSql('c', today)} = 'open' then c.deadline - ${today}::date end as days_left, c.visibility,
  (select count(*) from challenge_responses r where r.challenge_id = c.id) as response_count`;

async function toListItem(db: Db, r: ListRow): Promise<ChallengeListItem> {
  return {
    id: Number(r.id),
    title: r.title,
    organisation: { id: Number(r.organisation_id), name: r.organisation_name },
    language: r.language,
    concepts: await describeConcepts(db, r.concept_keys),
    deadline: r.deadline,
    daysLeft: r.days_left === null ? null : Number(r.days_left),
    status: r.status,
    visibility: r.visibility,
    responseCount: Number(r.response_count),
  };
}

/** Challenges the reader may see: open ones first, nearest deadline first; then closed ones, latest first. */
export async function listChallenges(
  db: Db,
  actor: Actor,
  query: ListChallengesQuery,
  today = todayInGermany(),
): Promise<{ items: ChallengeListItem[]; total: number }> {
  const where = filters(actor, query, today);
  const [rows, count] = await Promise.all([
    queryRows<ListRow>(
      db,
      sql`select ${listColumns(today)} from challenges c join organisations o on o.id = c.organisation_id
        where ${where}
        order by case when ${statusSql('c', today)} = 'open' then 0 else 1 end,
          case when ${statusSql('c', today)} = 'open' then c.deadline end asc, c.deadline desc, c.title, c.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(db, sql`select count(*) as n from challenges c where ${where}`),
  ]);
  return { items: await Promise.all(rows.map((r) => toListItem(db, r))), total: Number(count[0]?.n ?? 0) };
}

/** The challenge row if the reader may see it; not_found otherwise (hidden challenges are not revealed). */
export async function findVisibleChallenge(db: Db, actor: Actor, id: number) {
  const [row] = await queryRows<{
    id: number;
    organisation_id: number;
    title: string;
    problem: string;
    concept_keys: string[];
    deadline: string;
    visibility: ChallengeListItem['visibility'];
    status: ChallengeListItem['status'];
    version: number;
  }>(
    db,
    sql`select c.id, c.organisation_id, c.title, c.problem, c.concept_keys, c.deadline::text as deadline,
        c.visibility, c.status, c.version
      from challenges c where c.id = ${id} and ${challengeVisibleSql(actor, 'c')}`,
  );
  if (!row) throw new AppError('not_found', `Challenge ${id} wurde nicht gefunden.`);
  return {
    id: Number(row.id),
    organisationId: Number(row.organisation_id),
    title: row.title,
    problem: row.problem,
    conceptKeys: row.concept_keys,
    deadline: row.deadline,
    visibility: row.visibility,
    /** As stored: closed only by its owner (a passed deadline is not a stored status). */
    status: row.status,
    version: Number(row.version),
  };
}
export type VisibleChallenge = Awaited<ReturnType<typeof findVisibleChallenge>>;

/** Whether responses are still taken: not closed and the deadline not passed. */
export const isAcceptingResponses = (challenge: VisibleChallenge, today: string): boolean =>
  challenge.status === 'open' && challenge.deadline >= today;

/** The owner side or staff; others get forbidden. */
export function requireOwnerSideOrStaff(actor: Actor, challenge: VisibleChallenge, what: string): void {
  if (!isOwnerSide(actor, challenge) && !isStaff(actor)) {
    throw new AppError('forbidden', `${what} sehen nur die Organisation der Challenge und Mitarbeitende.`);
  }
}

/** A challenge with its concepts in words, days left and responses counted; by status for the owner side and staff. */
export async function getChallenge(
  db: Db,
  actor: Actor,
  id: number,
  today = todayInGermany(),
): Promise<ChallengeDetail> {
  const [row] = await queryRows<ListRow & { problem: string; created_at: string; version: number }>(
    db,
    sql`select ${listColumns(today)}, c.problem, c.version,
        to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
      from challenges c join organisations o on o.id = c.organisation_id
      where c.id = ${id} and ${challengeVisibleSql(actor, 'c')}`,
  );
  if (!row) throw new AppError('not_found', `Challenge ${id} wurde nicht gefunden.`);
  const canEdit = isOwnerSide(actor, { organisationId: Number(row.organisation_id) });
  const insider = canEdit || isStaff(actor);
  const [figures] = insider
    ? await queryRows<{ submitted: string; shortlisted: string; selected: string; declined: string; invited: string }>(
        db,
        sql`select count(*) filter (where r.status = 'submitted') as submitted,
            count(*) filter (where r.status = 'shortlisted') as shortlisted,
            count(*) filter (where r.status = 'selected') as selected,
            count(*) filter (where r.status = 'declined') as declined,
            (select count(*) from challenge_invitations i where i.challenge_id = ${id}) as invited
          from challenge_responses r where r.challenge_id = ${id}`,
      )
    : [];
  return {
    ...(await toListItem(db, row)),
    problem: row.problem,
    responsesByStatus: figures
      ? {
          submitted: Number(figures.submitted),
          shortlisted: Number(figures.shortlisted),
          selected: Number(figures.selected),
          declined: Number(figures.declined),
        }
      : null,
    invitationCount: figures ? Number(figures.invited) : null,
    canEdit,
    createdAt: row.created_at,
    version: Number(row.version),
  };
}
