import { eq, type SQL, sql } from 'drizzle-orm';
import type { ListOrganisationsQuery } from '../../../contracts/organisations';
import type { Db } from '../../db/client';
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
    // = any(array(…)): the planner knows the list of regions before it estimates the rows.
    filters.region = sql`organisations.region_id = any(array(
      select d.id from regions d, regions r where r.id = ${query.regionId} and d.path like r.path || '%'))`;
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
