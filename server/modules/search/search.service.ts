import { and, type SQL, sql } from 'drizzle-orm';
import type { SearchFacets, SearchHit, SearchQuery } from '../../../contracts/search';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { districtOfRegionSql, normaliseOrganisationName, organisationFilters } from '../organisations';
import { organisationVisibleSql, programmeVisibleSql, projectVisibleSql } from '../programmes';
import { toPrefixTsQuery } from '../projects';
import { highlight } from './highlight';

type Row = { id: number; title: string; subtitle: string | null; score: number };
type Count = { value: string; label: string; count: string };

/** Folded name match of a person: every word a substring, or similar as a whole (misspellings). */
function personMatch(q: string): SQL | null {
  const key = normaliseOrganisationName(q);
  if (key === '') return null;
  const words = key.split(' ').slice(0, 6);
  return sql`(${sql.join(
    words.map((w) => sql`pe.normalised_name like ${`%${w}%`}`),
    sql` and `,
  )} or pe.normalised_name % ${key})`;
}

/** The region filter for projects: the project's region or any region below it. */
const projectRegionSql = (regionId: number) =>
  sql`p.region_id = any(array(select d.id from regions d, regions r where r.id = ${regionId} and d.path like r.path || '%'))`;

/**
 * One box across programmes, organisations, people and projects: the best hits of each kind and
 * facet counts of all matches. Facet filters narrow the kinds they apply to: type and sector
 * organisations, region organisations and projects, programme projects and their organisations.
 */
export async function search(
  db: Db,
  actor: Actor,
  query: SearchQuery,
): Promise<{ items: SearchHit[]; facets: SearchFacets }> {
  const { q, limit } = query;
  const tsQuery = toPrefixTsQuery(q);
  const orgFilters = await organisationFilters(db, actor, {
    q,
    type: query.type,
    regionId: query.regionId,
    nace: query.sector,
    programmeId: query.programmeId,
  });
  const orgWhere = (...except: string[]) =>
    and(...Object.entries(orgFilters).flatMap(([k, f]) => (except.includes(k) ? [] : [f]))) ?? sql`true`;
  const orgsSearched = 'q' in orgFilters;
  const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  const people = personMatch(q);
  const projectFilters = (except?: 'region' | 'programme'): SQL => {
    const parts: SQL[] = [
      sql`p.search_vector @@ to_tsquery('german'::regconfig, standort_unaccent(${tsQuery}))`,
      projectVisibleSql(actor, 'p'),
    ];
    if (query.regionId && except !== 'region') parts.push(projectRegionSql(query.regionId));
    if (query.programmeId && except !== 'programme') parts.push(sql`p.programme_id = ${query.programmeId}`);
    return and(...parts) as SQL;
  };
  // Filters that only organisations have rule out the other kinds.
  const onlyOrganisations = Boolean(query.type || query.sector);
  const wants = (kind: SearchHit['kind']) => !query.kind || query.kind === kind;
  const doProgrammes = !onlyOrganisations && !query.regionId && !query.programmeId;
  const doPeople = people !== null && !onlyOrganisations && !query.regionId && !query.programmeId;
  const doProjects = tsQuery !== null && !onlyOrganisations;
  const none = Promise.resolve([] as never[]);

  const programmeWhere = sql`${programmeVisibleSql(actor, 'programmes')} and (programmes.name ilike ${like} or programmes.slug ilike ${like} or similarity(programmes.name, ${q}) > 0.3)`;
  const personWhere = sql`${people ?? sql`false`} and ${organisationVisibleSql(actor, 'pe', null)}`;

  const [programmes, organisations, persons, projects, kindCounts, type, region, sector, programme] = await Promise.all(
    [
      doProgrammes && wants('programme')
        ? queryRows<Row>(
            db,
            sql`select id, name as title, owner as subtitle, similarity(name, ${q}) as score from programmes
            where ${programmeWhere} order by score desc, name limit ${limit}`,
          )
        : none,
      orgsSearched && wants('organisation')
        ? queryRows<Row>(
            db,
            sql`select organisations.id, organisations.name as title,
              concat_ws(', ', organisations.city, organisations.country) as subtitle,
              greatest(similarity(organisations.normalised_name, ${normaliseOrganisationName(q)}), 0) as score
            from (select * from organisations where ${orgWhere()} limit 1000) organisations
            order by score desc, organisations.name limit ${limit}`,
          )
        : none,
      doPeople && wants('person')
        ? queryRows<Row>(
            db,
            sql`select pe.id, pe.name as title,
              (select string_agg(r.title || ', ' || o.name, '; ') from person_roles r join organisations o on o.id = r.organisation_id
                where r.person_id = pe.id and r.until is null) as subtitle,
              similarity(pe.normalised_name, ${normaliseOrganisationName(q)}) as score
            from people pe where ${personWhere} order by score desc, pe.name limit ${limit}`,
          )
        : none,
      doProjects && wants('project')
        ? queryRows<Row>(
            db,
            sql`select p.id, p.title, pg.name as subtitle,
              ts_rank(p.search_vector, to_tsquery('german'::regconfig, standort_unaccent(${tsQuery}))) as score
            from projects p join programmes pg on pg.id = p.programme_id
            where ${projectFilters()} order by score desc, p.title limit ${limit}`,
          )
        : none,
      queryRows<Count>(
        db,
        sql`select 'programme' as value, '' as label, ${doProgrammes ? sql`(select count(*) from programmes where ${programmeWhere})` : sql`0`} as count
        union all select 'organisation', '', ${orgsSearched ? sql`(select count(*) from (select 1 from organisations where ${orgWhere()} limit 10000) capped)` : sql`0`}
        union all select 'person', '', ${doPeople ? sql`(select count(*) from people pe where ${personWhere})` : sql`0`}
        union all select 'project', '', ${doProjects ? sql`(select count(*) from (select 1 from projects p where ${projectFilters()} limit 10000) capped)` : sql`0`}`,
      ),
      orgsSearched
        ? queryRows<Count>(
            db,
            sql`select organisations.type::text as value, organisations.type::text as label, count(*) as count
            from organisations where ${orgWhere('type')} group by organisations.type order by count(*) desc`,
          )
        : none,
      queryRows<Count>(
        db,
        sql`select d.id::text as value, d.name as label, sum(n) as count from (
          ${orgsSearched ? sql`select organisations.region_id as region_id, 1 as n from organisations where ${orgWhere('region')}` : sql`select null::int as region_id, 0 as n where false`}
          union all
          ${doProjects ? sql`select p.region_id, 1 from projects p where ${projectFilters('region')}` : sql`select null::int, 0 where false`}
        ) hits join regions r on r.id = hits.region_id join regions d on d.id = ${districtOfRegionSql('r')}
        group by d.id, d.name order by sum(n) desc, d.name limit 20`,
      ),
      orgsSearched
        ? queryRows<Count>(
            db,
            sql`select s.code as value, s.label_de as label, count(distinct organisations.id) as count
            from organisations join organisation_nace n on n.organisation_id = organisations.id
            join nace_codes c on c.code = n.code join nace_codes s on s.code = c.section
            where ${orgWhere('nace')} group by s.code, s.label_de order by count(distinct organisations.id) desc`,
          )
        : none,
      doProjects
        ? queryRows<Count>(
            db,
            sql`select pg.id::text as value, pg.name as label, count(*) as count
            from projects p join programmes pg on pg.id = p.programme_id
            where ${projectFilters('programme')} group by pg.id, pg.name order by count(*) desc limit 20`,
          )
        : none,
    ],
  );
  const hits = (kind: SearchHit['kind'], rows: Row[]) =>
    rows.map((r) => ({
      kind,
      id: Number(r.id),
      title: r.title,
      subtitle: r.subtitle,
      highlight: highlight(r.title, q),
      score: Number(r.score),
    }));
  const facet = (rows: Count[]) =>
    rows.filter((r) => Number(r.count) > 0).map((r) => ({ value: r.value, label: r.label, count: Number(r.count) }));
  return {
    items: [
      ...hits('programme', programmes),
      ...hits('organisation', organisations),
      ...hits('person', persons),
      ...hits('project', projects),
    ],
    facets: {
      kind: facet(kindCounts),
      type: facet(type),
      region: facet(region),
      sector: facet(sector),
      programme: facet(programme),
    },
  };
}
