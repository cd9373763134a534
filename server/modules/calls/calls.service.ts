import { type SQL, sql } from 'drizzle-orm';
import type { CallDetail, CallListItem, CallStatus, ListCallsQuery } from '../../../contracts/calls';
import type { ApplicationState, CallDocument } from '../../../contracts/funding';
import type { OrganisationType } from '../../../contracts/portfolio';
import { todayInGermany } from '../../calendar';
import { rowsInIdOrder } from '../../db/batch';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { ExportColumn, ExportRows } from '../../http/table-export';
import { type Actor, canEditFunding, isAdmin, isStaff, programmeScope } from '../accounts';
import { naceCodeSql } from '../organisations';
import { programmeVisibleSql } from '../programmes';
import { eligibilitySummary } from './eligibility';

/**
 * Whether the call row under `alias` is visible: its programme must be, and the call itself is
 * public, internal (staff) or restricted (admins and the programme office of its programme).
 */
export function callVisibleSql(actor: Actor, alias: string): SQL {
  const c = sql.raw(`"${alias}"`);
  const programme = sql`exists (select 1 from programmes cpg where cpg.id = ${c}.programme_id and ${programmeVisibleSql(actor, 'cpg')})`;
  if (isAdmin(actor)) return programme;
  const scope = programmeScope(actor);
  const byProgramme =
    scope === 'all' ? sql`true` : scope.length > 0 ? sql`${c}.programme_id = any(${intArray(scope)})` : sql`false`;
  const levels = isStaff(actor) ? sql`${c}.visibility in ('public', 'internal')` : sql`${c}.visibility = 'public'`;
  return sql`((${levels} or (${c}.visibility = 'restricted' and ${byProgramme})) and ${programme})`;
}

/** The call's status on `today` as SQL over the alias. */
function statusSql(alias: string, today: string): SQL {
  const c = sql.raw(`"${alias}"`);
  return sql`case when ${c}.opens_on > ${today}::date then 'upcoming'
    when ${c}.closes_on < ${today}::date then 'closed' else 'open' end`;
}

/** The ancestors of a NACE code and the code itself: `28.11` → 28.11, 28.1, 28, C. */
async function naceAndAbove(db: Db, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`with recursive up(code, parent_code, section) as (
        select code, parent_code, section from nace_codes where code = ${code}
        union all select n.code, n.parent_code, n.section from nace_codes n join up on n.code = up.parent_code)
      select code from up union select section from up`,
  );
  return rows.length > 0 ? rows.map((r) => r.code) : [code];
}

async function callFilters(db: Db, actor: Actor, query: Omit<ListCallsQuery, 'page' | 'pageSize'>, today: string) {
  const where: SQL[] = [callVisibleSql(actor, 'c')];
  if (query.status) where.push(sql`${statusSql('c', today)} = ${query.status}`);
  if (query.programmeId) where.push(sql`c.programme_id = ${query.programmeId}`);
  if (query.type) where.push(sql`(cardinality(c.eligible_types) = 0 or ${query.type} = any(c.eligible_types))`);
  if (query.regionId) {
    // Overlapping regions: the call is open to the region, to a region around it or to one inside it.
    where.push(sql`(cardinality(c.eligible_region_ids) = 0 or exists (
      select 1 from regions e, regions r where r.id = ${query.regionId} and e.id = any(c.eligible_region_ids)
        and (r.path like e.path || '%' or e.path like r.path || '%')))`);
  }
  if (query.nace) {
    const above = await naceAndAbove(db, query.nace);
    where.push(sql`(cardinality(c.eligible_nace) = 0
      or c.eligible_nace && array[${sql.join(
        above.map((a) => sql`${a}`),
        sql`, `,
      )}]::text[]
      or exists (select 1 from unnest(c.eligible_nace) as e(code) where ${naceCodeSql(query.nace, sql`e.code`)}))`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(c.title ilike ${like} or c.description ilike ${like} or c.funder_name ilike ${like})`);
  }
  return sql.join(where, sql` and `);
}

type CallRow = {
  id: number;
  slug: string;
  title: string;
  programme_id: number;
  programme_name: string;
  funder_name: string;
  budget_cents: string | number | null;
  opens_on: string | null;
  closes_on: string | null;
  status: CallStatus;
  days_left: number | null;
  opens_in_days: number | null;
  eligible_types: OrganisationType[];
  visibility: CallListItem['visibility'];
};

const listColumns = (today: string) => sql`c.id, c.slug, c.title, c.programme_id, pg.name as programme_name,
  c.funder_name, c.budget_cents, c.opens_on::text as opens_on, c.closes_on::text as closes_on,
  ${statusSql('c', today)} as status,
  case when ${statusSql('c', today)} = 'open' then c.closes_on - ${today}::date end as days_left,
  case when ${statusSql('c', today)} = 'upcoming' then c.opens_on - ${today}::date end as opens_in_days,
  c.eligible_types, c.visibility`;

function toListItem(r: CallRow): CallListItem {
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    programme: { id: Number(r.programme_id), name: r.programme_name },
    funderName: r.funder_name,
    budgetCents: r.budget_cents === null ? null : Number(r.budget_cents),
    currency: 'EUR',
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    daysLeft: r.days_left === null ? null : Number(r.days_left),
    opensInDays: r.opens_in_days === null ? null : Number(r.opens_in_days),
    eligibleTypes: r.eligible_types,
    visibility: r.visibility,
  };
}

/** Open calls first (closing soonest), then upcoming, then closed (latest first); title and id break ties. */
const listOrder = (
  today: string,
) => sql`case ${statusSql('c', today)} when 'open' then 0 when 'upcoming' then 1 else 2 end,
  case when ${statusSql('c', today)} = 'closed' then null else coalesce(c.closes_on, c.opens_on) end asc nulls last,
  c.closes_on desc nulls last, c.title, c.id`;

/** Calls visible to the actor, filtered; open ones first (closing soonest), then upcoming, then closed. */
export async function listCalls(
  db: Db,
  actor: Actor,
  query: ListCallsQuery,
  today = todayInGermany(),
): Promise<{ items: CallListItem[]; total: number }> {
  const where = await callFilters(db, actor, query, today);
  const [rows, count] = await Promise.all([
    queryRows<CallRow>(
      db,
      sql`select ${listColumns(today)} from funding_calls c join programmes pg on pg.id = c.programme_id
        where ${where} order by ${listOrder(today)}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(db, sql`select count(*) as n from funding_calls c where ${where}`),
  ]);
  return { items: rows.map(toListItem), total: Number(count[0]?.n ?? 0) };
}

/** The calls of the list — same filters, visibility and order — at most `limit`, a page at a time. */
export async function exportCalls(
  db: Db,
  actor: Actor,
  query: Omit<ListCallsQuery, 'page' | 'pageSize'>,
  limit: number,
  today = todayInGermany(),
): Promise<ExportRows<CallListItem>> {
  const where = await callFilters(db, actor, query, today);
  const found = await queryRows<{ id: number }>(
    db,
    sql`select c.id from funding_calls c where ${where} order by ${listOrder(today)} limit ${limit + 1}`,
  );
  const ids = found.slice(0, limit).map((r) => Number(r.id));
  // The filters again on every page: a call hidden since the ids were read stays out.
  const rows = rowsInIdOrder(ids, async (page) =>
    (
      await queryRows<CallRow>(
        db,
        sql`select ${listColumns(today)} from funding_calls c join programmes pg on pg.id = c.programme_id
          where c.id = any(${intArray(page)}) and ${where}`,
      )
    ).map(toListItem),
  );
  return { rows, isTruncated: found.length > limit };
}

const statusLabels: Record<CallStatus, string> = { open: 'offen', upcoming: 'demnächst', closed: 'geschlossen' };
const visibilityLabels = { public: 'öffentlich', internal: 'intern', restricted: 'eingeschränkt' } as const;

/** The columns of the call list's CSV and XLSX files. */
export const callExportColumns: ExportColumn<CallListItem>[] = [
  { header: 'Titel', kind: 'text', value: (c) => c.title, width: 60 },
  { header: 'Programm', kind: 'text', value: (c) => c.programme.name, width: 40 },
  { header: 'Fördergeber', kind: 'text', value: (c) => c.funderName, width: 36 },
  { header: 'Status', kind: 'text', value: (c) => statusLabels[c.status], width: 14 },
  { header: 'Budget (EUR)', kind: 'money_cents', value: (c) => c.budgetCents },
  { header: 'Öffnet am', kind: 'date', value: (c) => c.opensOn },
  { header: 'Frist', kind: 'date', value: (c) => c.closesOn },
  { header: 'Sichtbarkeit', kind: 'text', value: (c) => visibilityLabels[c.visibility], width: 14 },
];

/** The call row if the actor may see it; not_found otherwise (hidden calls are not revealed). */
export async function findVisibleCall(db: Db, actor: Actor, id: number) {
  const [row] = await queryRows<{
    id: number;
    programme_id: number;
    title: string;
    funder_name: string;
    funder_organisation_id: number | null;
    opens_on: string | null;
    closes_on: string | null;
    eligible_types: OrganisationType[];
    eligible_region_ids: number[];
    eligible_nace: string[];
    budget_cents: string | number | null;
    visibility: CallListItem['visibility'];
    version: number;
  }>(
    db,
    sql`select c.id, c.programme_id, c.title, c.funder_name, c.funder_organisation_id, c.opens_on::text as opens_on,
        c.closes_on::text as closes_on, c.eligible_types, c.eligible_region_ids, c.eligible_nace, c.budget_cents,
        c.visibility, c.version
      from funding_calls c where c.id = ${id} and ${callVisibleSql(actor, 'c')}`,
  );
  if (!row) throw new AppError('not_found', `Aufruf ${id} wurde nicht gefunden.`);
  return {
    id: Number(row.id),
    programmeId: Number(row.programme_id),
    title: row.title,
    funderName: row.funder_name,
    funderOrganisationId: row.funder_organisation_id === null ? null : Number(row.funder_organisation_id),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    eligibleTypes: row.eligible_types,
    eligibleRegionIds: row.eligible_region_ids.map(Number),
    eligibleNace: row.eligible_nace,
    budgetCents: row.budget_cents === null ? null : Number(row.budget_cents),
    visibility: row.visibility,
    version: Number(row.version),
  };
}
export type VisibleCall = Awaited<ReturnType<typeof findVisibleCall>>;

/** A call with its eligibility in words, documents, budget and — for staff — its applications. */
export async function getCall(db: Db, actor: Actor, id: number, today = todayInGermany()): Promise<CallDetail> {
  const [row] = await queryRows<
    CallRow & {
      description: string | null;
      funder_organisation_id: number | null;
      funder_organisation_name: string | null;
      eligible_region_ids: number[];
      eligible_nace: string[];
      eligibility_note: string | null;
      documents: CallDocument[];
      version: number;
      provenance: CallDetail['provenance'];
    }
  >(
    db,
    sql`select ${listColumns(today)}, c.description, c.funder_organisation_id, fo.name as funder_organisation_name,
        c.eligible_region_ids, c.eligible_nace, c.eligibility_note, c.documents, c.version, c.provenance
      from funding_calls c join programmes pg on pg.id = c.programme_id
        left join organisations fo on fo.id = c.funder_organisation_id
      where c.id = ${id} and ${callVisibleSql(actor, 'c')}`,
  );
  if (!row) throw new AppError('not_found', `Aufruf ${id} wurde nicht gefunden.`);
  const regionIds = row.eligible_region_ids.map(Number);
  const [regions, nace, applications] = await Promise.all([
    regionIds.length > 0
      ? queryRows<{ id: number; name: string; level: string }>(
          db,
          sql`select id, name, level from regions where id = any(${intArray(regionIds)}) order by path`,
        )
      : Promise.resolve([]),
    row.eligible_nace.length > 0
      ? queryRows<{ code: string; label_de: string; label_en: string; label_it: string }>(
          db,
          sql`select code, label_de, label_en, label_it from nace_codes where code = any(${`{${row.eligible_nace.join(',')}}`}::text[]) order by code`,
        )
      : Promise.resolve([]),
    isStaff(actor) ? applicationFigures(db, id) : Promise.resolve(null),
  ]);
  const eligibility = {
    types: row.eligible_types,
    regions: regions.map((r) => ({ id: Number(r.id), name: r.name, level: r.level })),
    nace: nace.map((n) => ({ code: n.code, labels: { de: n.label_de, en: n.label_en, it: n.label_it } })),
    note: row.eligibility_note,
  };
  const programmeId = Number(row.programme_id);
  return {
    ...toListItem(row),
    description: row.description,
    funderOrganisation:
      row.funder_organisation_id !== null && row.funder_organisation_name !== null
        ? { id: Number(row.funder_organisation_id), name: row.funder_organisation_name }
        : null,
    eligibility: { ...eligibility, summary: eligibilitySummary(eligibility) },
    documents: row.documents,
    applications,
    canEdit: canEditFunding(actor, programmeId),
    version: Number(row.version),
    provenance: row.provenance,
  };
}

async function applicationFigures(db: Db, callId: number): Promise<CallDetail['applications']> {
  const rows = await queryRows<{ state: ApplicationState; n: string; requested: string; approved: string }>(
    db,
    sql`select a.state, count(*) as n, coalesce(sum(a.requested_cents), 0) as requested,
        coalesce(sum(g.amount_cents), 0) as approved
      from applications a left join grants g on g.application_id = a.id
      where a.call_id = ${callId} group by a.state order by a.state`,
  );
  return {
    byState: rows.map((r) => ({ state: r.state, count: Number(r.n) })),
    total: rows.reduce((s, r) => s + Number(r.n), 0),
    // Withdrawn and rejected applications no longer ask for money.
    requestedCents: rows
      .filter((r) => r.state === 'submitted' || r.state === 'under_review' || r.state === 'approved')
      .reduce((s, r) => s + Number(r.requested), 0),
    approvedCents: rows.reduce((s, r) => s + Number(r.approved), 0),
  };
}
