import { eq, type SQL, sql } from 'drizzle-orm';
import type { ListOrganisationsQuery } from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { type NameMatch, organisationNameMatch } from './organisation-match';
import { organisations } from './organisations.table';

export type OrganisationFilter = Omit<ListOrganisationsQuery, 'page' | 'pageSize' | 'sort'>;

/** A NACE code and everything below it: a section (`M`), a division (`72`), a group (`72.1`), a class. */
export function naceCodeSql(code: string, column: SQL): SQL {
  if (/^[A-U]$/.test(code)) return sql`${column} in (select c.code from nace_codes c where c.section = ${code})`;
  // Division 72 → 72.1, 72.11 …; group 72.1 → 72.11 … 72.19; a class only itself.
  const below = /^\d{2}$/.test(code) ? `${code}.%` : /^\d{2}\.\d$/.test(code) ? `${code}_` : null;
  return below ? sql`(${column} = ${code} or ${column} like ${below})` : sql`${column} = ${code}`;
}

/**
 * The list filters as named SQL predicates over `organisations` (visibility always applies), so
 * lists, counts, facets and exports filter alike and a facet can leave out its own filter.
 */
export async function organisationFilters(
  db: Db,
  actor: Actor,
  query: OrganisationFilter,
  match?: NameMatch | null,
): Promise<Record<string, SQL>> {
  const filters: Record<string, SQL> = { visible: organisationVisibleSql(actor, 'organisations') };
  const name = match !== undefined ? match : query.q ? await organisationNameMatch(db, query.q) : null;
  if (name) filters.q = name.where;
  if (query.type) filters.type = eq(organisations.type, query.type);
  if (query.sizeClass) filters.sizeClass = eq(organisations.sizeClass, query.sizeClass);
  if (query.country) filters.country = eq(organisations.country, query.country);
  if (query.regionId) {
    // The region and everything below it as a literal list: the planner estimates its rows from
    // the statistics, so it walks a big region and looks a small one up in the index.
    const [below] = await queryRows<{ ids: string }>(
      db,
      sql`select array_agg(d.id)::text as ids from regions d, regions r where r.id = ${query.regionId} and d.path like r.path || '%'`,
    );
    // With a name match the words index selects and the region only checks the matches: a bitmap
    // of every organisation in a province costs more than that (`+ 0` keeps the index out).
    const column = name ? sql`organisations.region_id + 0` : sql`organisations.region_id`;
    filters.region = sql`${column} = any(${below?.ids ?? '{}'}::int[])`;
  }
  if (query.identifier) {
    const [scheme, ...rest] = query.identifier.split(':');
    filters.identifier = sql`exists (select 1 from organisation_identifiers i where i.organisation_id = organisations.id
      and i.scheme = ${scheme} and i.value = ${rest.join(':')})`;
  }
  if (query.nace) {
    filters.nace = sql`exists (select 1 from organisation_nace n where n.organisation_id = organisations.id
      and ${naceCodeSql(query.nace, sql`n.code`)})`;
  }
  if (query.programmeId) {
    filters.programme = sql`exists (select 1 from project_organisations po join projects p on p.id = po.project_id
      where po.organisation_id = organisations.id and p.programme_id = ${query.programmeId} and ${projectVisibleSql(actor, 'p')})`;
  }
  return filters;
}
