import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type {
  ListOrganisationsQuery,
  OrganisationDetail,
  OrganisationListItem,
} from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
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
  const where = and(...Object.values(await organisationFilters(db, actor, query, match)));
  const [counted] = await queryRows<{ n: string }>(
    db,
    sql`select count(*) as n from (select 1 from organisations where ${where ?? sql`true`} limit ${ORGANISATION_COUNT_CAP + 1}) capped`,
  );
  const total = Number(counted?.n ?? 0);
  const sort = query.sort ?? (match && total <= RANK_LIMIT ? 'relevance' : 'name');
  const order = {
    relevance: match ? [sql`${match.rank} desc`, asc(organisations.name)] : [asc(organisations.name)],
    name: [asc(organisations.name)],
    '-name': [desc(organisations.name)],
    projects: [asc(projectCount(actor)), asc(organisations.name)],
    '-projects': [desc(projectCount(actor)), asc(organisations.name)],
  }[sort];
  return {
    where,
    order: [...order, asc(organisations.id)],
    total: Math.min(total, ORGANISATION_COUNT_CAP),
    isTotalCapped: total > ORGANISATION_COUNT_CAP,
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
  const { where, order, total, isTotalCapped } = await planOrganisationList(db, actor, query);
  const rows = await selectOrganisationList(db, actor)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
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

/** The organisations an organisation shares visible projects with, most shared first. */
export async function listPartners(db: Db, actor: Actor, id: number, limit: number) {
  const rows = await queryRows<{
    id: number;
    name: string;
    type: OrganisationListItem['type'];
    country: string | null;
    shared: string;
    programmes: string[];
  }>(
    db,
    sql`
    with shared as (
      -- (project, organisation) is the key of project_organisations: count(*) counts projects.
      select theirs.organisation_id as partner_id, count(*) as shared, array_agg(distinct p.programme_id) as programme_ids
      from project_organisations mine
      join projects p on p.id = mine.project_id
      join project_organisations theirs on theirs.project_id = mine.project_id and theirs.organisation_id <> mine.organisation_id
      where mine.organisation_id = ${id} and ${projectVisibleSql(actor, 'p')}
      group by theirs.organisation_id)
    select o.id, o.name, o.type, o.country, s.shared,
      array(select pg.name from programmes pg where pg.id = any(s.programme_ids) order by pg.name) as programmes
    from shared s join organisations o on o.id = s.partner_id
    where ${organisationVisibleSql(actor, 'o')}
    order by s.shared desc, o.name
    limit ${limit}`,
  );
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
