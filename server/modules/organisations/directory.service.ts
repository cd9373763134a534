import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  ListOrganisationsQuery,
  OrganisationDetail,
  OrganisationListItem,
} from '../../../contracts/organisations';
import { type Db, intArray, queryRows } from '../../db/client';
import { regions } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { membershipsOfOrganisation } from '../memberships';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { getRegionPath } from '../regions';
import { organisationFilters } from './organisation-filters';
import { organisationNameMatch } from './organisation-match';
import { organisationAliases, organisationIdentifiers, organisations } from './organisations.table';

// Explicit table names inside subqueries: drizzle leaves columns unqualified in single-table selects.
const projectCount = (actor: Actor) =>
  sql<number>`(select count(*) from project_organisations po join projects p on p.id = po.project_id
    where po.organisation_id = organisations.id and ${projectVisibleSql(actor, 'p')})`.mapWith(Number);

export function listColumns(actor: Actor) {
  return {
    id: organisations.id,
    name: organisations.name,
    shortName: organisations.shortName,
    type: organisations.type,
    country: organisations.country,
    city: organisations.city,
    visibility: organisations.visibility,
    regionId: regions.id,
    regionName: regions.name,
    regionLevel: regions.level,
    projectCount: projectCount(actor),
  };
}

/** Counting stops here: beyond it the total is "more than 10,000" (`isTotalCapped`). */
export const ORGANISATION_COUNT_CAP = 10_000;
/** Matches are ranked by name similarity up to this many; more are listed by name. */
const RANK_LIMIT = 1_000;

/** The list's filter and order, shared by the page and the exports, and the capped count. */
export async function planOrganisationList(
  db: Db,
  actor: Actor,
  query: Omit<ListOrganisationsQuery, 'page' | 'pageSize'>,
) {
  const match = query.q ? await organisationNameMatch(db, query.q) : null;
  const where = and(...Object.values(await organisationFilters(db, actor, query, match))) ?? sql`true`;
  // The matching ids in name order, up to one more than the cap: their number is the total, and a
  // page of at most 10,000 matches is cut from them — walking the names index for a page only pays
  // when matches are dense, and the planner cannot tell when they cluster late in the alphabet.
  // Without a name match the filters are plain columns the planner estimates well: count only.
  const [counted] = await queryRows<{ n: number; ids: string | null }>(
    db,
    match
      ? sql`select count(*)::int as n, case when count(*) <= ${ORGANISATION_COUNT_CAP} then array_agg(id order by name, id)::text end as ids
      from (select organisations.id, organisations.name from organisations where ${where} limit ${ORGANISATION_COUNT_CAP + 1}) capped`
      : sql`select count(*)::int as n, null as ids
      from (select 1 from organisations where ${where} limit ${ORGANISATION_COUNT_CAP + 1}) capped`,
  );
  const total = Number(counted?.n ?? 0);
  const byName = counted?.ids ? (JSON.parse(`[${counted.ids.slice(1, -1)}]`) as number[]) : null;
  const sort = query.sort ?? (match && total <= RANK_LIMIT ? 'relevance' : 'name');
  const order = {
    relevance: match ? [sql`${match.rank} desc`, asc(organisations.name)] : [asc(organisations.name)],
    name: [asc(organisations.name)],
    '-name': [desc(organisations.name)],
    projects: [asc(projectCount(actor)), asc(organisations.name)],
    '-projects': [desc(projectCount(actor)), asc(organisations.name)],
  }[sort];
  const inIds = (ids: number[]) => sql`organisations.id = any(${intArray(ids)})`;
  return {
    where: byName ? inIds(byName) : where,
    order: [...order, asc(organisations.id)],
    total: Math.min(total, ORGANISATION_COUNT_CAP),
    isTotalCapped: total > ORGANISATION_COUNT_CAP,
    /** One page: cut from the ids in name order when there are, else limit and offset. */
    page(page: number, pageSize: number): { where: SQL; offset: number } {
      const from = (page - 1) * pageSize;
      if (byName && (sort === 'name' || sort === '-name')) {
        const ordered = sort === 'name' ? byName : [...byName].reverse();
        return { where: inIds(ordered.slice(from, from + pageSize)), offset: 0 };
      }
      return { where: byName ? inIds(byName) : where, offset: from };
    },
  };
}

/** The list's rows (select … from organisations with the region), to add a where and an order to. */
export function selectOrganisationList(db: Db, actor: Actor) {
  return db.select(listColumns(actor)).from(organisations).leftJoin(regions, eq(regions.id, organisations.regionId));
}

/**
 * Organisations matching name, type, region, country, NACE, programme or an identifier, one page
 * of them; the total counted up to 10,000.
 */
export async function listOrganisations(db: Db, actor: Actor, query: ListOrganisationsQuery) {
  const plan = await planOrganisationList(db, actor, query);
  const { where, offset } = plan.page(query.page, query.pageSize);
  const rows = await selectOrganisationList(db, actor)
    .where(where)
    .orderBy(...plan.order)
    .limit(query.pageSize)
    .offset(offset);
  const { total, isTotalCapped } = plan;
  return { items: rows.map(toListItem), total, isTotalCapped };
}

type ListRow = Awaited<ReturnType<typeof selectOne>>[number];
function selectOne(db: Db, actor: Actor, id: number) {
  return db
    .select({
      ...listColumns(actor),
      street: organisations.street,
      sizeClass: organisations.sizeClass,
      descriptionDe: organisations.descriptionDe,
      descriptionEn: organisations.descriptionEn,
      descriptionIt: organisations.descriptionIt,
      competenceFields: organisations.competenceFields,
      version: organisations.version,
      provenance: organisations.provenance,
    })
    .from(organisations)
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .where(and(eq(organisations.id, id), organisationVisibleSql(actor, 'organisations')));
}

export function toListItem(r: Pick<ListRow, keyof ReturnType<typeof listColumns>>): OrganisationListItem {
  return {
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    country: r.country,
    city: r.city,
    region:
      r.regionId !== null && r.regionName !== null && r.regionLevel !== null
        ? { id: r.regionId, name: r.regionName, level: r.regionLevel }
        : null,
    projectCount: r.projectCount,
    visibility: r.visibility,
  };
}

/** The organisation an id stands for: itself, or the one it was merged into. */
async function survivorOf(db: Db, id: number): Promise<number> {
  const [merged] = await queryRows<{ into_id: number }>(
    db,
    sql`select into_id from organisation_merges where merged_id = ${id}`,
  );
  return merged ? Number(merged.into_id) : id;
}

/**
 * One organisation with identifiers, aliases, NACE codes, programmes, partners, memberships,
 * members, people and merge history. An id that was merged away answers with the survivor.
 */
export async function getOrganisation(db: Db, actor: Actor, requestedId: number): Promise<OrganisationDetail> {
  const id = await survivorOf(db, requestedId);
  const [row] = await selectOne(db, actor, id);
  if (!row) throw new AppError('not_found', `Organisation ${requestedId} wurde nicht gefunden.`);
  const [identifiers, aliases, nace, programmes, partners, ties, people, mergedFrom, regionPath] = await Promise.all([
    db
      .select({ scheme: organisationIdentifiers.scheme, value: organisationIdentifiers.value })
      .from(organisationIdentifiers)
      .where(eq(organisationIdentifiers.organisationId, id))
      .orderBy(asc(organisationIdentifiers.scheme), asc(organisationIdentifiers.value)),
    db
      .select({ name: organisationAliases.name })
      .from(organisationAliases)
      .where(eq(organisationAliases.organisationId, id))
      .orderBy(asc(organisationAliases.name)),
    queryRows<{ code: string; is_primary: boolean; label_de: string; label_en: string; label_it: string }>(
      db,
      sql`select n.code, n.is_primary, c.label_de, c.label_en, c.label_it
        from organisation_nace n join nace_codes c on c.code = n.code
        where n.organisation_id = ${id} order by n.is_primary desc, n.code`,
    ),
    queryRows<{ id: number; name: string; project_count: string }>(
      db,
      sql`
      select pg.id, pg.name, count(*) as project_count
      from project_organisations po join projects p on p.id = po.project_id join programmes pg on pg.id = p.programme_id
      where po.organisation_id = ${id} and ${projectVisibleSql(actor, 'p')}
      group by pg.id, pg.name order by count(*) desc, pg.name`,
    ),
    listPartners(db, actor, id, 20),
    membershipsOfOrganisation(db, actor, id),
    queryRows<{ person_id: number; name: string; title: string; from: string | null; until: string | null }>(
      db,
      sql`select pe.id as person_id, pe.name, r.title, r."from"::text as "from", r.until::text as until
        from person_roles r join people pe on pe.id = r.person_id
        where r.organisation_id = ${id} and ${organisationVisibleSql(actor, 'pe', null)}
        order by (r.until is null) desc, r.until desc, pe.name`,
    ),
    queryRows<{ merged_id: number; merged_name: string; merged_at: string }>(
      db,
      sql`select merged_id, merged_name, merged_at from organisation_merges where into_id = ${id} order by merged_at`,
    ),
    row.regionId ? getRegionPath(db, row.regionId) : Promise.resolve([]),
  ]);
  return {
    ...toListItem(row),
    street: row.street,
    regionPath,
    aliases: aliases.map((a) => a.name).filter((a) => a !== row.name),
    identifiers,
    sizeClass: row.sizeClass,
    nace: nace.map((n) => ({
      code: n.code,
      isPrimary: n.is_primary,
      labels: { de: n.label_de, en: n.label_en, it: n.label_it },
    })),
    competenceFields: row.competenceFields,
    description: { de: row.descriptionDe, en: row.descriptionEn, it: row.descriptionIt },
    programmes: programmes.map((p) => ({ id: Number(p.id), name: p.name, projectCount: Number(p.project_count) })),
    partners,
    memberships: ties.memberships,
    members: ties.members,
    people: people.map((p) => ({
      personId: Number(p.person_id),
      name: p.name,
      title: p.title,
      from: p.from,
      until: p.until,
    })),
    mergedFrom: mergedFrom.map((m) => ({
      id: Number(m.merged_id),
      name: m.merged_name,
      mergedAt: new Date(m.merged_at).toISOString(),
    })),
    version: row.version,
    provenance: row.provenance,
  };
}

type PartnerRow = {
  id: number;
  name: string;
  type: OrganisationListItem['type'];
  country: string | null;
  shared: string;
  programmes: string[];
  partners_total: string;
};

/**
 * The partners of an organisation by shared visible projects, most shared first, with at most
 * `candidates` of the most shared looked up (null: all) — ties at the cut included, so the order
 * by name among equals holds.
 */
function partnerRows(db: Db, actor: Actor, id: number, limit: number, candidates: number | null) {
  return queryRows<PartnerRow>(
    db,
    sql`
    with shared_rows as materialized (
      -- (project, organisation) is the key of project_organisations: one row per shared project.
      select theirs.organisation_id as partner_id, p.programme_id
      from project_organisations mine
      join projects p on p.id = mine.project_id
      join project_organisations theirs on theirs.project_id = mine.project_id and theirs.organisation_id <> mine.organisation_id
      where mine.organisation_id = ${id} and ${projectVisibleSql(actor, 'p')}),
    shared as materialized (select partner_id, count(*) as shared from shared_rows group by partner_id),
    cut as (select coalesce(min(shared), 0) as at_least from (select shared from shared order by shared desc limit ${candidates}) c),
    top as (
      select o.id, o.name, o.type, o.country, s.shared from shared s join organisations o on o.id = s.partner_id
      where s.shared >= (select at_least from cut) and ${organisationVisibleSql(actor, 'o')}
      order by s.shared desc, o.name limit ${limit}),
    programme_ids as (
      select partner_id, array_agg(distinct programme_id) as ids from shared_rows
      where partner_id in (select id from top) group by partner_id)
    select top.*, (select count(*) from shared) as partners_total,
      array(select pg.name from programmes pg where pg.id = any(pi.ids) order by pg.name) as programmes
    from top join programme_ids pi on pi.partner_id = top.id
    order by top.shared desc, top.name`,
  );
}

/**
 * The organisations an organisation shares visible projects with, most shared first. The twice
 * `limit` most shared are looked up first; only when too many of them are hidden from the reader
 * are all looked up (an organisation with thousands of partners answers in one pass).
 */
export async function listPartners(db: Db, actor: Actor, id: number, limit: number) {
  const candidates = limit * 2;
  let rows = await partnerRows(db, actor, id, limit, candidates);
  if (rows.length < limit && (rows.length === 0 || Number(rows[0]?.partners_total) > candidates)) {
    rows = await partnerRows(db, actor, id, limit, null);
  }
  return rows.map((r) => ({
    organisationId: Number(r.id),
    name: r.name,
    type: r.type,
    country: r.country,
    sharedProjects: Number(r.shared),
    programmes: r.programmes,
  }));
}

/** The partner list of a visible organisation (404 otherwise). */
export async function getPartners(db: Db, actor: Actor, id: number, limit: number) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationVisibleSql(actor, 'organisations')));
  if (!row) throw new AppError('not_found', `Organisation ${id} wurde nicht gefunden.`);
  return { items: await listPartners(db, actor, id, limit) };
}
