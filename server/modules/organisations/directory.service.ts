import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  ListOrganisationsQuery,
  OrganisationDetail,
  OrganisationListItem,
} from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
import { regions } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { projectVisibleSql } from '../programmes';
import { getRegionPath } from '../regions';
import { normaliseOrganisationName } from './organisation-name';
import { organisationAliases, organisationIdentifiers, organisations } from './organisations.table';

// Explicit table names inside subqueries: drizzle leaves columns unqualified in single-table selects.
const projectCount = (actor: Actor) =>
  sql<number>`(select count(*) from project_organisations po join projects p on p.id = po.project_id
    where po.organisation_id = organisations.id and ${projectVisibleSql(actor, 'p')})`.mapWith(Number);

function listColumns(actor: Actor) {
  return {
    id: organisations.id,
    name: organisations.name,
    shortName: organisations.shortName,
    type: organisations.type,
    country: organisations.country,
    city: organisations.city,
    regionId: regions.id,
    regionName: regions.name,
    regionLevel: regions.level,
    projectCount: projectCount(actor),
  };
}

/**
 * Name search that forgives: every word as a substring of the folded name or an alias ("luft
 * raumfahrt zentrum"), or trigram similarity for misspellings ("Raumfart"). Both use the trigram indexes.
 */
export function organisationNameMatch(q: string): { where: SQL; rank: SQL } | null {
  const key = normaliseOrganisationName(q);
  if (key === '') return null;
  const words = key.split(' ').slice(0, 8);
  const allWords = (column: SQL) =>
    sql.join(
      words.map((w) => sql`${column} like ${`%${w}%`}`),
      sql` and `,
    );
  const alias = sql`select 1 from organisation_aliases a where a.organisation_id = organisations.id`;
  const where = sql`(${allWords(sql`organisations.normalised_name`)}
    or organisations.normalised_name % ${key}
    or exists (${alias} and (${allWords(sql`a.normalised_name`)} or a.normalised_name % ${key})))`;
  const rank = sql`greatest(similarity(organisations.normalised_name, ${key}),
    coalesce((select max(similarity(a.normalised_name, ${key})) from organisation_aliases a where a.organisation_id = organisations.id), 0))`;
  return { where, rank };
}

/** Organisations matching name, type, region, country or an external identifier, one page of them. */
export async function listOrganisations(db: Db, actor: Actor, query: ListOrganisationsQuery) {
  const filters: SQL[] = [];
  const match = query.q ? organisationNameMatch(query.q) : null;
  if (match) filters.push(match.where);
  if (query.type) filters.push(eq(organisations.type, query.type));
  if (query.country) filters.push(eq(organisations.country, query.country));
  if (query.regionId) {
    filters.push(sql`organisations.region_id in (
      select d.id from regions d, regions r where r.id = ${query.regionId} and d.path like r.path || '%')`);
  }
  if (query.identifier) {
    const [scheme, ...rest] = query.identifier.split(':');
    filters.push(sql`exists (select 1 from organisation_identifiers i where i.organisation_id = organisations.id
      and i.scheme = ${scheme} and i.value = ${rest.join(':')})`);
  }
  const where = and(...filters);
  const sort = query.sort ?? (match ? 'relevance' : 'name');
  const order = {
    relevance: match ? [sql`${match.rank} desc`, asc(organisations.name)] : [asc(organisations.name)],
    name: [asc(organisations.name)],
    '-projects': [desc(projectCount(actor)), asc(organisations.name)],
  }[sort];
  const [rows, totals] = await Promise.all([
    db
      .select(listColumns(actor))
      .from(organisations)
      .leftJoin(regions, eq(regions.id, organisations.regionId))
      .where(where)
      .orderBy(...order, asc(organisations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(organisations)
      .where(where),
  ]);
  return { items: rows.map(toListItem), total: totals[0]?.n ?? 0 };
}

type Row = Awaited<ReturnType<typeof selectOne>>[number];
function selectOne(db: Db, actor: Actor, id: number) {
  return db
    .select({ ...listColumns(actor), street: organisations.street, provenance: organisations.provenance })
    .from(organisations)
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(organisations.id, id));
}

function toListItem(r: Omit<Row, 'street' | 'provenance'>): OrganisationListItem {
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
  };
}

/** One organisation with its identifiers, aliases, programmes and partners from shared projects. */
export async function getOrganisation(db: Db, actor: Actor, id: number): Promise<OrganisationDetail> {
  const [row] = await selectOne(db, actor, id);
  if (!row) throw new AppError('not_found', `Organisation ${id} wurde nicht gefunden.`);
  const [identifiers, aliases, programmes, partners, regionPath]: [
    { scheme: OrganisationDetail['identifiers'][number]['scheme']; value: string }[],
    { name: string }[],
    { id: number; name: string; project_count: string }[],
    OrganisationDetail['partners'],
    OrganisationDetail['regionPath'],
  ] = await Promise.all([
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
    queryRows<{ id: number; name: string; project_count: string }>(
      db,
      sql`
      select pg.id, pg.name, count(*) as project_count
      from project_organisations po join projects p on p.id = po.project_id join programmes pg on pg.id = p.programme_id
      where po.organisation_id = ${id} and ${projectVisibleSql(actor, 'p')}
      group by pg.id, pg.name order by count(*) desc, pg.name`,
    ),
    listPartners(db, actor, id, 20),
    row.regionId ? getRegionPath(db, row.regionId) : Promise.resolve([]),
  ]);
  return {
    ...toListItem(row),
    street: row.street,
    regionPath,
    aliases: aliases.map((a) => a.name).filter((a) => a !== row.name),
    identifiers,
    programmes: programmes.map((p) => ({ id: Number(p.id), name: p.name, projectCount: Number(p.project_count) })),
    partners,
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
    select o.id, o.name, o.type, o.country, count(distinct p.id) as shared, array_agg(distinct pg.name order by pg.name) as programmes
    from project_organisations mine
    join projects p on p.id = mine.project_id
    join project_organisations theirs on theirs.project_id = mine.project_id and theirs.organisation_id <> mine.organisation_id
    join organisations o on o.id = theirs.organisation_id
    join programmes pg on pg.id = p.programme_id
    where mine.organisation_id = ${id} and ${projectVisibleSql(actor, 'p')}
    group by o.id, o.name, o.type, o.country
    order by count(distinct p.id) desc, o.name
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
