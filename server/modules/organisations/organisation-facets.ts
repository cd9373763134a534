import { and, type SQL, sql } from 'drizzle-orm';
import type { OrganisationFacets } from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { projectVisibleSql } from '../programmes';
import { type OrganisationFilter, organisationFilters } from './organisation-filters';

/** The region an organisation's region rolls up to: the Kreis in NRW, the province in Piemonte. */
export const districtOfRegionSql = (alias: string) => {
  const r = sql.raw(`"${alias}"`);
  return sql`nullif(case ${r}.country when 'DE' then split_part(${r}.path, '/', 4) else split_part(${r}.path, '/', 3) end, '')::int`;
};

/**
 * Counts per type, district/province, NACE section, programme and country, each under every
 * other current filter (a facet ignores its own filter, so its other values stay choosable).
 */
export async function organisationFacets(db: Db, actor: Actor, query: OrganisationFilter): Promise<OrganisationFacets> {
  const filters = await organisationFilters(db, actor, query);
  const without = (...names: string[]): SQL =>
    and(...Object.entries(filters).flatMap(([name, f]) => (names.includes(name) ? [] : [f]))) ?? sql`true`;
  const [type, region, sector, programme, country] = await Promise.all([
    queryRows<{ value: OrganisationFacets['type'][number]['value']; count: string }>(
      db,
      sql`select organisations.type as value, count(*) as count from organisations where ${without('type')}
        group by organisations.type order by count(*) desc`,
    ),
    queryRows<{ id: number; name: string; count: string }>(
      db,
      sql`select d.id, d.name, count(*) as count
        from organisations join regions r on r.id = organisations.region_id
        join regions d on d.id = ${districtOfRegionSql('r')}
        where ${without('region')} group by d.id, d.name order by count(*) desc, d.name limit 30`,
    ),
    queryRows<{ code: string; label_de: string; label_en: string; label_it: string; count: string }>(
      db,
      sql`select s.code, s.label_de, s.label_en, s.label_it, count(distinct organisations.id) as count
        from organisations join organisation_nace n on n.organisation_id = organisations.id
        join nace_codes c on c.code = n.code join nace_codes s on s.code = c.section
        where ${without('nace')} group by s.code, s.label_de, s.label_en, s.label_it order by count(distinct organisations.id) desc`,
    ),
    queryRows<{ id: number; name: string; count: string }>(
      db,
      sql`select pg.id, pg.name, count(distinct organisations.id) as count
        from organisations join project_organisations po on po.organisation_id = organisations.id
        join projects p on p.id = po.project_id join programmes pg on pg.id = p.programme_id
        where ${without('programme')} and ${projectVisibleSql(actor, 'p')}
        group by pg.id, pg.name order by count(distinct organisations.id) desc limit 30`,
    ),
    queryRows<{ value: string; count: string }>(
      db,
      sql`select organisations.country as value, count(*) as count from organisations
        where ${without('country')} and organisations.country is not null
        group by organisations.country order by count(*) desc limit 40`,
    ),
  ]);
  return {
    type: type.map((r) => ({ value: r.value, count: Number(r.count) })),
    region: region.map((r) => ({ id: Number(r.id), name: r.name, count: Number(r.count) })),
    sector: sector.map((r) => ({
      code: r.code,
      labels: { de: r.label_de, en: r.label_en, it: r.label_it },
      count: Number(r.count),
    })),
    programme: programme.map((r) => ({ id: Number(r.id), name: r.name, count: Number(r.count) })),
    country: country.map((r) => ({ value: r.value, count: Number(r.count) })),
  };
}
