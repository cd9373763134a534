import { type SQL, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { GrantDetail, GrantListItem, ListGrantsQuery } from '../../../contracts/funding';
import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { chunks, rowsInIdOrder } from '../../db/batch';
import { type Db, intArray, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { ExportRows } from '../../http/table-export';
import { type Actor, isAdmin, isStaff, organisationScope, programmeScope } from '../accounts';
import { formatEuroExactDe } from '../funding';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { coFinancing, overruns } from './grant-rules';

/**
 * Whether the grant row under `alias` is visible: its project must be, and the grant itself is
 * public, internal (staff) or restricted (admins, the programme office, the partners).
 */
export function grantVisibleSql(actor: Actor, alias: string): SQL {
  const g = sql.raw(`"${alias}"`);
  const project = sql`exists (select 1 from projects gp where gp.id = ${g}.project_id and ${projectVisibleSql(actor, 'gp')})`;
  if (isAdmin(actor)) return project;
  const scope = programmeScope(actor);
  const orgs = organisationScope(actor);
  const byProgramme =
    scope === 'all'
      ? sql`true`
      : scope.length > 0
        ? sql`exists (select 1 from projects sp where sp.id = ${g}.project_id and sp.programme_id = any(${intArray(scope)}))`
        : sql`false`;
  const byPartner =
    orgs.length > 0
      ? sql`exists (select 1 from grant_partners vgp where vgp.grant_id = ${g}.id and vgp.organisation_id = any(${intArray(orgs)}))`
      : sql`false`;
  const levels = isStaff(actor) ? sql`${g}.visibility in ('public', 'internal')` : sql`${g}.visibility = 'public'`;
  return sql`((${levels} or (${g}.visibility = 'restricted' and (${byProgramme} or ${byPartner}))) and ${project})`;
}

/** A grant as imports and the API write it: the decision, its consortium and its funding lines. */
export type GrantInsert = {
  projectId: number;
  callId?: number | null;
  applicationId?: number | null;
  reference?: string | null;
  title: string;
  purpose?: string | null;
  funderOrganisationId?: number | null;
  funderName: string;
  amountCents: number;
  decidedOn?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  visibility?: 'public' | 'internal' | 'restricted';
  partners: { organisationId: number; role: 'lead' | 'partner'; shareCents: number }[];
  lines: {
    organisationId?: number | null;
    source: FundingSource;
    kind: FundingKind;
    amountCents: number;
    year?: number | null;
    note?: string | null;
    overrunReason?: string | null;
    provenance: Provenance;
  }[];
  provenance: Provenance;
};

/**
 * Inserts grants with their partners and funding lines (partners also join the project's
 * consortium) and refreshes the projects' headline amounts. No checks: callers validate. Each
 * batch is three statements over one JSON document each (`jsonb_to_recordset`): cheaper to parse
 * than thousands of bind parameters, and no text escaping by hand.
 */
export async function insertGrants(tx: Db, drafts: GrantInsert[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(drafts, 2000)) {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`insert into grants (project_id, call_id, application_id, reference, title, purpose, funder_organisation_id,
          funder_name, amount_cents, decided_on, period_start, period_end, visibility, provenance)
        select g.project_id, g.call_id, g.application_id, g.reference, g.title, g.purpose, g.funder_organisation_id,
          g.funder_name, g.amount_cents, g.decided_on, g.period_start, g.period_end, g.visibility::visibility, g.provenance
        from rows from (jsonb_to_recordset(${JSON.stringify(
          part.map((g) => ({
            project_id: g.projectId,
            call_id: g.callId ?? null,
            application_id: g.applicationId ?? null,
            reference: g.reference ?? null,
            title: g.title,
            purpose: g.purpose ?? null,
            funder_organisation_id: g.funderOrganisationId ?? null,
            funder_name: g.funderName,
            amount_cents: g.amountCents,
            decided_on: g.decidedOn ?? null,
            period_start: g.periodStart ?? null,
            period_end: g.periodEnd ?? null,
            visibility: g.visibility ?? 'public',
            provenance: g.provenance,
          })),
        )}::jsonb) as (project_id int, call_id int, application_id int, reference text, title text, purpose text,
          funder_organisation_id int, funder_name text, amount_cents bigint, decided_on date, period_start date,
          period_end date, visibility text, provenance jsonb)) with ordinality as g
        order by g.ordinality
        returning id`,
    );
    const partIds = rows.map((r) => Number(r.id));
    ids.push(...partIds);
    const partners = part.flatMap((d, i) =>
      d.partners.map((p) => ({
        grant_id: partIds[i],
        project_id: d.projectId,
        organisation_id: p.organisationId,
        role: p.role,
        share_cents: p.shareCents,
      })),
    );
    await tx.execute(sql`with p as (
        select * from jsonb_to_recordset(${JSON.stringify(partners)}::jsonb)
          as (grant_id int, project_id int, organisation_id int, role text, share_cents bigint)),
      inserted as (
        insert into grant_partners (grant_id, organisation_id, role, share_cents)
        select grant_id, organisation_id, role::project_role, share_cents from p)
      insert into project_organisations (project_id, organisation_id, role)
      select distinct on (project_id, organisation_id) project_id, organisation_id, role::project_role from p
      order by project_id, organisation_id, role
      on conflict do nothing`);
    // The project's programme, field and visibility travel with its lines (the totals trigger needs them).
    await tx.execute(sql`insert into funding_lines (project_id, grant_id, organisation_id, source, kind, amount_cents, year,
        note, overrun_reason, provenance, programme_id, field_of_action_id, project_visibility)
      select l.project_id, l.grant_id, l.organisation_id, l.source::funding_source, l.kind::funding_kind, l.amount_cents,
        l.year, l.note, l.overrun_reason, l.provenance, p.programme_id, p.field_of_action_id, p.visibility
      from jsonb_to_recordset(${JSON.stringify(
        part.flatMap((d, i) =>
          d.lines.map((l) => ({
            project_id: d.projectId,
            grant_id: partIds[i],
            organisation_id: l.organisationId ?? null,
            source: l.source,
            kind: l.kind,
            amount_cents: l.amountCents,
            year: l.year ?? null,
            note: l.note ?? null,
            overrun_reason: l.overrunReason ?? null,
            provenance: l.provenance,
          })),
        ),
      )}::jsonb) as l(project_id int, grant_id int, organisation_id int, source text, kind text, amount_cents bigint,
        year int, note text, overrun_reason text, provenance jsonb)
      join projects p on p.id = l.project_id`);
  }
  await refreshHeadlineAmounts(tx, [...new Set(drafts.map((d) => d.projectId))]);
  return ids;
}

/** A project's headline amount from all its lines: committed, or — before any commitment — planned. */
export async function refreshHeadlineAmounts(tx: Db, projectIds: number[]): Promise<void> {
  for (const part of chunks(projectIds, 5000)) {
    if (part.length === 0) continue;
    await tx.execute(sql`update projects p set funding_total_cents = coalesce(h.amount, 0)
      from (select p2.id, (select case when coalesce(sum(l.amount_cents) filter (where l.kind = 'committed'), 0) <> 0
              then sum(l.amount_cents) filter (where l.kind = 'committed')
              else coalesce(sum(l.amount_cents) filter (where l.kind = 'planned'), 0) end
            from funding_lines l where l.project_id = p2.id) as amount
        from projects p2 where p2.id = any(${intArray(part)})) h
      where p.id = h.id`);
  }
}

type ListRow = {
  id: number;
  reference: string | null;
  title: string;
  project_id: number;
  project_title: string;
  programme_id: number;
  programme_name: string;
  funder_name: string;
  lead_id: number | null;
  lead_name: string | null;
  partner_count: number;
  amount_cents: string;
  committed_cents: string;
  disbursed_cents: string;
  decided_on: string | null;
  period_start: string | null;
  period_end: string | null;
  visibility: GrantListItem['visibility'];
};

function listSelect(actor: Actor): SQL {
  return sql`select g.id, g.reference, g.title, p.id as project_id, p.title as project_title,
      pg.id as programme_id, pg.name as programme_name, g.funder_name,
      lead.id as lead_id, lead.name as lead_name,
      (select count(*)::int from grant_partners c where c.grant_id = g.id) as partner_count,
      g.amount_cents::text as amount_cents,
      coalesce((select sum(l.amount_cents) from funding_lines l where l.grant_id = g.id and l.kind = 'committed'), 0)::text as committed_cents,
      coalesce((select sum(l.amount_cents) from funding_lines l where l.grant_id = g.id and l.kind = 'disbursed'), 0)::text as disbursed_cents,
      g.decided_on::text as decided_on, g.period_start::text as period_start, g.period_end::text as period_end, g.visibility
    from grants g
    join projects p on p.id = g.project_id
    join programmes pg on pg.id = p.programme_id
    left join lateral (select o.id, o.name from grant_partners gp join organisations o on o.id = gp.organisation_id
      where gp.grant_id = g.id and gp.role = 'lead' and ${organisationVisibleSql(actor, 'o')} limit 1) lead on true`;
}

function toListItem(r: ListRow): GrantListItem {
  return {
    id: Number(r.id),
    reference: r.reference,
    title: r.title,
    project: { id: Number(r.project_id), title: r.project_title },
    programme: { id: Number(r.programme_id), name: r.programme_name },
    funderName: r.funder_name,
    lead: r.lead_id !== null && r.lead_name !== null ? { id: Number(r.lead_id), name: r.lead_name } : null,
    partnerCount: Number(r.partner_count),
    amountCents: Number(r.amount_cents),
    committedCents: Number(r.committed_cents),
    disbursedCents: Number(r.disbursed_cents),
    decidedOn: r.decided_on,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    visibility: r.visibility,
  };
}

/** The grant list's filter and order, shared by the page and the exports. */
function planGrantList(actor: Actor, query: Omit<ListGrantsQuery, 'page' | 'pageSize'>) {
  const filters: SQL[] = [grantVisibleSql(actor, 'g')];
  if (query.programmeId) filters.push(sql`p.programme_id = ${query.programmeId}`);
  if (query.projectId) filters.push(sql`g.project_id = ${query.projectId}`);
  if (query.callId) filters.push(sql`g.call_id = ${query.callId}`);
  if (query.organisationId) {
    filters.push(
      sql`exists (select 1 from grant_partners f where f.grant_id = g.id and f.organisation_id = ${query.organisationId})`,
    );
  }
  if (query.source || query.year) {
    filters.push(sql`exists (select 1 from funding_lines f where f.grant_id = g.id
      ${query.source ? sql`and f.source = ${query.source}` : sql``} ${query.year ? sql`and f.year = ${query.year}` : sql``})`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    filters.push(sql`(g.title ilike ${like} or g.reference ilike ${like} or p.title ilike ${like})`);
  }
  const order = {
    decided: sql`g.decided_on asc nulls last, g.id`,
    '-decided': sql`g.decided_on desc nulls last, g.id desc`,
    amount: sql`g.amount_cents asc, g.id`,
    '-amount': sql`g.amount_cents desc, g.id`,
    title: sql`g.title, g.id`,
  }[query.sort];
  return { where: sql.join(filters, sql` and `), order };
}

/** Grants the reader may see, filtered by programme, project, partner, call, source and year. */
export async function listGrants(db: Db, actor: Actor, query: ListGrantsQuery) {
  const { where, order } = planGrantList(actor, query);
  const [rows, [counted]] = await Promise.all([
    queryRows<ListRow>(
      db,
      sql`${listSelect(actor)} where ${where} order by ${order}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from grants g join projects p on p.id = g.project_id where ${where}`,
    ),
  ]);
  return { items: rows.map(toListItem), total: Number(counted?.n ?? 0) };
}

/** The grants of the list — same filters, visibility and order — at most `limit`, read a page at a time. */
export async function exportGrants(
  db: Db,
  actor: Actor,
  query: Omit<ListGrantsQuery, 'page' | 'pageSize'>,
  limit: number,
): Promise<ExportRows<GrantListItem>> {
  const { where, order } = planGrantList(actor, query);
  const found = await queryRows<{ id: number }>(
    db,
    sql`select g.id from grants g join projects p on p.id = g.project_id where ${where} order by ${order} limit ${limit + 1}`,
  );
  const ids = found.slice(0, limit).map((r) => Number(r.id));
  const rows = rowsInIdOrder(ids, async (page) =>
    (await queryRows<ListRow>(db, sql`${listSelect(actor)} where g.id = any(${intArray(page)}) and ${where}`)).map(
      toListItem,
    ),
  );
  return { rows, isTruncated: found.length > limit };
}

/** One grant with its consortium, lines, co-financing and the warnings its figures raise. */
export async function getGrant(db: Db, actor: Actor, id: number): Promise<GrantDetail> {
  const [row] = await queryRows<
    ListRow & {
      purpose: string | null;
      call_id: number | null;
      call_title: string | null;
      application_id: number | null;
      funder_organisation_id: number | null;
      funder_organisation_name: string | null;
      version: number;
      provenance: Provenance;
    }
  >(
    db,
    sql`select x.*, g.purpose, g.call_id, c.title as call_title, g.application_id, g.funder_organisation_id,
        fo.name as funder_organisation_name, g.version, g.provenance
      from (${listSelect(actor)} where g.id = ${id} and ${grantVisibleSql(actor, 'g')}) x
      join grants g on g.id = x.id
      left join funding_calls c on c.id = g.call_id
      left join organisations fo on fo.id = g.funder_organisation_id`,
  );
  if (!row) throw new AppError('not_found', `Förderung ${id} wurde nicht gefunden.`);
  const [partners, lines] = await Promise.all([
    queryRows<{
      organisation_id: number;
      name: string;
      type: GrantDetail['partners'][number]['type'];
      role: 'lead' | 'partner';
      share_cents: string;
      committed_cents: string;
      disbursed_cents: string;
    }>(
      db,
      sql`select gp.organisation_id, o.name, o.type, gp.role, gp.share_cents::text as share_cents,
          coalesce((select sum(l.amount_cents) from funding_lines l where l.grant_id = gp.grant_id and l.organisation_id = gp.organisation_id and l.kind = 'committed'), 0)::text as committed_cents,
          coalesce((select sum(l.amount_cents) from funding_lines l where l.grant_id = gp.grant_id and l.organisation_id = gp.organisation_id and l.kind = 'disbursed'), 0)::text as disbursed_cents
        from grant_partners gp join organisations o on o.id = gp.organisation_id
        where gp.grant_id = ${id} and ${organisationVisibleSql(actor, 'o')}
        order by gp.role, o.name`,
    ),
    queryRows<{
      id: number;
      organisation_id: number | null;
      organisation_name: string | null;
      source: FundingSource;
      kind: FundingKind;
      amount_cents: string;
      year: number | null;
      note: string | null;
      overrun_reason: string | null;
      provenance: Provenance;
    }>(
      db,
      sql`select l.id, o.id as organisation_id, o.name as organisation_name, l.source, l.kind, l.amount_cents::text as amount_cents,
          l.year, l.note, l.overrun_reason, l.provenance
        from funding_lines l left join organisations o on o.id = l.organisation_id and ${organisationVisibleSql(actor, 'o')}
        where l.grant_id = ${id} order by l.year nulls first, l.kind, l.source, l.id`,
    ),
  ]);
  const detailLines = lines.map((l) => ({
    id: Number(l.id),
    organisation:
      l.organisation_id !== null && l.organisation_name !== null
        ? { id: Number(l.organisation_id), name: l.organisation_name }
        : null,
    source: l.source,
    kind: l.kind,
    amountCents: Number(l.amount_cents),
    year: l.year === null ? null : Number(l.year),
    note: l.note,
    overrunReason: l.overrun_reason,
    provenance: l.provenance,
  }));
  const item = toListItem(row);
  const detailPartners = partners.map((p) => ({
    organisationId: Number(p.organisation_id),
    name: p.name,
    type: p.type,
    role: p.role,
    shareCents: Number(p.share_cents),
    committedCents: Number(p.committed_cents),
    disbursedCents: Number(p.disbursed_cents),
  }));
  return {
    ...item,
    purpose: row.purpose,
    call: row.call_id !== null && row.call_title !== null ? { id: Number(row.call_id), title: row.call_title } : null,
    applicationId: row.application_id === null ? null : Number(row.application_id),
    funderOrganisation:
      row.funder_organisation_id !== null && row.funder_organisation_name !== null
        ? { id: Number(row.funder_organisation_id), name: row.funder_organisation_name }
        : null,
    partners: detailPartners,
    lines: detailLines,
    coFinancing: coFinancing(detailLines),
    warnings: grantWarnings(item, detailPartners, detailLines),
    version: row.version,
    provenance: row.provenance,
  };
}

/** What the figures of a grant say is off: they are shown, not refused (imports carry them). */
export function grantWarnings(
  grant: Pick<GrantListItem, 'amountCents' | 'periodStart' | 'periodEnd'>,
  partners: { shareCents: number }[],
  lines: {
    organisation: { id: number } | null;
    source: FundingSource;
    kind: FundingKind;
    amountCents: number;
    year: number | null;
    overrunReason: string | null;
  }[],
): GrantDetail['warnings'] {
  const warnings: GrantDetail['warnings'] = [];
  if (lines.length === 0) warnings.push({ code: 'no_money', message: 'Keine Finanzierungszeilen erfasst' });
  const shares = partners.reduce((s, p) => s + p.shareCents, 0);
  if (partners.length > 0 && shares !== grant.amountCents) {
    warnings.push({
      code: 'shares_mismatch',
      message: `Anteile ${formatEuroExactDe(shares)} ≠ Bewilligung ${formatEuroExactDe(grant.amountCents)}`,
    });
  }
  const committedPublic = lines
    .filter((l) => l.kind === 'committed' && l.source !== 'own')
    .reduce((s, l) => s + l.amountCents, 0);
  if (committedPublic > grant.amountCents) {
    warnings.push({
      code: 'over_budget',
      message: `Zugesagte Fördermittel ${formatEuroExactDe(committedPublic)} übersteigen die Bewilligung ${formatEuroExactDe(grant.amountCents)}`,
    });
  }
  for (const o of overruns(lines.map((l) => ({ ...l, organisationId: l.organisation?.id ?? null })))) {
    warnings.push({
      code: 'overrun',
      message: `Ausgezahlt ${formatEuroExactDe(o.disbursed)} über der Zusage ${formatEuroExactDe(o.committed)}${o.hasReason ? ' (begründet)' : ''}`,
    });
  }
  const [from, until] = [grant.periodStart?.slice(0, 4), grant.periodEnd?.slice(0, 4)].map((y) =>
    y ? Number(y) : null,
  );
  if (lines.some((l) => l.year !== null && ((from != null && l.year < from) || (until != null && l.year > until)))) {
    warnings.push({ code: 'outside_period', message: 'Zeilen mit Jahren außerhalb des Förderzeitraums' });
  }
  return warnings;
}
