import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../../contracts/portfolio';
import { type Db, intArray, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { vocabulary } from './vocabulary';

// The facts suggestions are ranked by, each read in one statement for a set of organisations.

/** How far the partner network is walked: the projects of the asker, its closest partners, their projects. */
const OWN_PROJECTS = 100;
const CLOSE_PARTNERS = 50;
const PARTNER_PROJECTS = 30;
/** Up to how many projects an asker's existing partners are found per candidate rather than listed. */
const SMALL_ASKER = 500;

export interface NetworkHit {
  /** Resource allocation: Σ over partners in between of 1 / their number of partners. */
  allocation: number;
  /** How many of the asker's partners the candidate worked with. */
  via: number;
  /** The partners in between, closest first (ids). */
  viaIds: number[];
  /** How many projects the candidate takes part in. */
  projects: number;
}

/**
 * Partners of partners from real shared projects: walks the asker's latest projects, its closest
 * partners and their latest projects (bounded, so a hub of thousands of projects costs the same),
 * and scores each organisation met there by resource allocation. Existing partners are left out.
 * `where` filters the candidates (over `organisations o`).
 */
export async function networkCandidates(
  db: Db,
  actor: Actor,
  organisationId: number,
  options: { limit: number; where?: SQL; askerProjects: number },
): Promise<Map<number, NetworkHit>> {
  // Existing partners are left out. An asker of few projects looks each candidate up in them; a
  // hub lists its partners once (a candidate may be a hub too, with thousands of projects to scan).
  const notPartner =
    options.askerProjects <= SMALL_ASKER
      ? sql`not exists (select 1 from mine m join project_organisations y on y.project_id = m.project_id
              where y.organisation_id = pr.c)`
      : sql`pr.c not in (select distinct po.organisation_id from project_organisations po
              where po.project_id in (select project_id from mine))`;
  const rows = await queryRows<{ c: number; allocation: number; via: number; via_ids: number[]; projects: number }>(
    db,
    sql`with own as materialized (
          select po.project_id from project_organisations po join projects p on p.id = po.project_id
          where po.organisation_id = ${organisationId} and ${projectVisibleSql(actor, 'p')}
          order by po.project_id desc limit ${OWN_PROJECTS}),
        partners as materialized (
          select po.organisation_id as z, count(*)::int as w
          from project_organisations po join own using (project_id)
          where po.organisation_id <> ${organisationId}
          group by 1 order by 2 desc, 1 limit ${CLOSE_PARTNERS}),
        reach as materialized (
          select pa.z, pa.w, zp.project_id from partners pa cross join lateral (
            select po.project_id from project_organisations po join projects p on p.id = po.project_id
            where po.organisation_id = pa.z and ${projectVisibleSql(actor, 'p')}
            order by po.project_id desc limit ${PARTNER_PROJECTS}) zp),
        pairs as materialized (
          select distinct r.z, r.w, po.organisation_id as c
          from reach r join project_organisations po on po.project_id = r.project_id
          where po.organisation_id <> ${organisationId} and po.organisation_id <> r.z),
        degree as (select z, count(*)::float8 as d from pairs group by z),
        mine as materialized (select ao.project_id from project_organisations ao join projects p on p.id = ao.project_id
          where ao.organisation_id = ${organisationId} and ${projectVisibleSql(actor, 'p')})
        select t.*, (select count(*)::int from project_organisations x where x.organisation_id = t.c) as projects
        from (
          select pr.c, sum(1.0 / d.d)::float8 as allocation, count(*)::int as via,
            (array_agg(pr.z order by pr.w desc, d.d))[1:3] as via_ids
          from pairs pr join degree d using (z) join organisations o on o.id = pr.c
          where ${notPartner} and ${organisationVisibleSql(actor, 'o')}
            ${options.where ? sql`and ${options.where}` : sql``}
          group by pr.c order by via desc, allocation desc, pr.c limit ${options.limit}) t`,
  );
  return new Map(
    rows.map((r) => [
      r.c,
      { allocation: Number(r.allocation), via: r.via, viaIds: r.via_ids.map(Number), projects: r.projects },
    ]),
  );
}

/**
 * The partners the asker shares with each of the given organisations (from visible projects):
 * the network part of a profile match, where the candidates are known and a walk is not needed.
 */
export async function commonPartners(
  db: Db,
  actor: Actor,
  organisationId: number,
  candidates: number[],
): Promise<Map<number, NetworkHit>> {
  if (candidates.length === 0) return new Map();
  const rows = await queryRows<{ c: number; via: number; via_ids: number[] }>(
    db,
    sql`with mine as materialized (
          select distinct po2.organisation_id as z
          from project_organisations po1
          join projects p on p.id = po1.project_id
          join project_organisations po2 on po2.project_id = po1.project_id
          where po1.organisation_id = ${organisationId} and po2.organisation_id <> ${organisationId}
            and ${projectVisibleSql(actor, 'p')})
        select po1.organisation_id as c, count(distinct po2.organisation_id)::int as via,
          (array_agg(distinct po2.organisation_id))[1:3] as via_ids
        from project_organisations po1
        join projects p on p.id = po1.project_id
        join project_organisations po2 on po2.project_id = po1.project_id
        where po1.organisation_id = any(${intArray(candidates)}) and po2.organisation_id <> po1.organisation_id
          and po2.organisation_id in (select z from mine) and ${projectVisibleSql(actor, 'p')}
        group by po1.organisation_id`,
  );
  return new Map(rows.map((r) => [r.c, { allocation: r.via, via: r.via, viaIds: r.via_ids.map(Number), projects: 0 }]));
}

/** The organisations the asker already shares a visible project with. */
export async function knownPartners(
  db: Db,
  actor: Actor,
  organisationId: number,
  among: number[],
): Promise<Set<number>> {
  if (among.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct po.organisation_id as id from project_organisations po join projects p on p.id = po.project_id
        where po.organisation_id = any(${intArray(among)}) and ${projectVisibleSql(actor, 'p')}
          and exists (select 1 from project_organisations x where x.project_id = po.project_id and x.organisation_id = ${organisationId})`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface OrganisationFacts {
  id: number;
  name: string;
  type: OrganisationType;
  sizeClass: string | null;
  country: string | null;
  regionId: number | null;
  region: string | null;
  /** The top region (Nordrhein-Westfalen, Piemonte) the organisation lies in, if any. */
  land: string | null;
  /** NACE codes and the concepts of its public, published, unexpired profiles. */
  conceptKeys: string[];
  /** Projects per field of action (a programme's field or, for Horizon 2020, its programme part). */
  fields: Map<number, number>;
  /** How many projects it takes part in. */
  projects: number;
}

/** How many of an organisation's latest projects tell its fields of work. */
const FIELD_PROJECTS = 200;

/** Name, type, place, concepts and fields of work of the visible organisations among `ids`. */
export async function organisationFacts(
  db: Db,
  actor: Actor,
  ids: number[],
  detail: 'full' | 'basic' = 'full',
): Promise<Map<number, OrganisationFacts>> {
  if (ids.length === 0) return new Map();
  const list = intArray(ids);
  // Basic: name, type and place only (no concepts, fields of work or activity), for names and profile matches.
  const full = detail === 'full';
  const rows = await queryRows<{
    id: number;
    name: string;
    type: OrganisationType;
    size_class: string | null;
    country: string | null;
    region_id: number | null;
    region: string | null;
    land: string | null;
    concept_keys?: string[] | null;
    fields?: Record<string, number> | null;
    projects?: number;
  }>(
    db,
    sql`select o.id, o.name, o.type, o.size_class, o.country, o.region_id, r.name as region, top.name as land
          ${
            full
              ? sql`, (select array_agg(distinct k) from (
                   select 'nace:' || n.code as k from organisation_nace n where n.organisation_id = o.id
                   union all
                   select unnest(pp.match_keys) from partner_profiles pp
                   where pp.organisation_id = o.id and pp.status = 'published' and pp.visibility = 'public'
                     and pp.expires_on >= (now() at time zone 'Europe/Berlin')::date) ks) as concept_keys,
                (select jsonb_object_agg(f.field_id, f.n) from (
                   select p.field_of_action_id as field_id, count(*)::int as n
                   from (select po.project_id from project_organisations po where po.organisation_id = o.id
                         order by po.project_id desc limit ${FIELD_PROJECTS}) po
                   join projects p on p.id = po.project_id
                   where p.field_of_action_id is not null and ${projectVisibleSql(actor, 'p')}
                   group by 1) f) as fields,
                (select count(*)::int from project_organisations po where po.organisation_id = o.id) as projects`
              : sql``
          }
        from organisations o
        left join regions r on r.id = o.region_id
        left join regions top on top.id = split_part(r.path, '/', 2)::int
        where o.id = any(${list}) and ${organisationVisibleSql(actor, 'o')}`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        type: r.type,
        sizeClass: r.size_class,
        country: r.country,
        regionId: r.region_id,
        region: r.region,
        land: r.land,
        conceptKeys: r.concept_keys ?? [],
        fields: new Map(Object.entries(r.fields ?? {}).map(([k, v]) => [Number(k), Number(v)])),
        projects: r.projects ?? 0,
      },
    ]),
  );
}

/** How many concepts look for candidates, and how many organisations or profiles each brings. */
const PROBE_KEYS = 8;
const PER_KEY = 60;

/**
 * Organisations whose NACE codes or public profiles share concepts with `keys`, most shared first:
 * candidates for those the network does not reach (a new firm without projects). Each concept
 * brings a bounded number (the index's first), so a concept thousands share costs no more than a
 * rare one.
 */
export async function conceptCandidates(
  db: Db,
  actor: Actor,
  keys: string[],
  options: { limit: number; exclude: number[]; where?: SQL },
): Promise<Map<number, number>> {
  const probes = keys.slice(0, PROBE_KEYS).flatMap((key) => {
    const code = /^nace:(\d{2}\.\d+)$/.exec(key)?.[1];
    const byProfile = sql`(select pp.organisation_id as id, ${key}::text as k from partner_profiles pp
        where pp.match_keys @> array[${key}]::text[] and pp.status = 'published' and pp.visibility = 'public'
          and pp.expires_on >= (now() at time zone 'Europe/Berlin')::date limit ${PER_KEY})`;
    return code
      ? [
          byProfile,
          sql`(select n.organisation_id, ${key}::text from organisation_nace n where n.code = ${code} limit ${PER_KEY})`,
        ]
      : [byProfile];
  });
  if (probes.length === 0) return new Map();
  const rows = await queryRows<{ id: number; shared: number }>(
    db,
    sql`select c.id, count(distinct c.k)::int as shared from (${sql.join(probes, sql` union all `)}) c
        join organisations o on o.id = c.id
        where not (c.id = any(${intArray(options.exclude)})) and ${organisationVisibleSql(actor, 'o')}
          ${options.where ? sql`and ${options.where}` : sql``}
        group by c.id order by shared desc, c.id limit ${options.limit}`,
  );
  return new Map(rows.map((r) => [r.id, r.shared]));
}

/** Names of fields of action, for the reasons. */
export async function fieldNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from fields_of_action where id = any(${intArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface TopicHit {
  /** How many visible projects of the organisation speak of the concepts. */
  projects: number;
  /** Titles of some of them, for the reasons. */
  titles: string[];
}

/**
 * Organisations whose projects speak of the technology fields among `keys`, by the fields' German
 * and English words in the projects' German full text: "who has worked on this", also for an
 * Italian challenge about the same thing. The index finds projects by their search text, which
 * holds the partners' names too; title and summary are checked again, as a "Robotics GmbH" in a
 * consortium does not make its project one about robots.
 */
export async function projectTopicCandidates(
  db: Db,
  actor: Actor,
  keys: string[],
  options: { limit: number; exclude: number[]; where?: SQL },
): Promise<Map<number, TopicHit>> {
  const vocab = await vocabulary(db);
  const words = new Set<string>();
  for (const field of vocab.fields) {
    if (!keys.includes(field.concept.key)) continue;
    for (const term of field.terms)
      if (term.language !== 'it' && term.words.length === 1 && /^[a-z]{4,}$/.test(term.words[0] ?? ''))
        words.add(`${term.words[0]}:*`);
  }
  if (words.size === 0) return new Map();
  const rows = await queryRows<{ id: number; projects: number; titles: string[] }>(
    db,
    sql`select po.organisation_id as id, count(*)::int as projects, (array_agg(p.title order by p.id desc))[1:2] as titles
        from projects p
        join project_organisations po on po.project_id = p.id
        join organisations o on o.id = po.organisation_id
        cross join to_tsquery('german', ${[...words].join(' | ')}) q
        where p.search_vector @@ q
          and to_tsvector('german', standort_unaccent(p.title || ' ' || coalesce(p.summary, ''))) @@ q
          and ${projectVisibleSql(actor, 'p')} and ${organisationVisibleSql(actor, 'o')}
          and not (po.organisation_id = any(${intArray(options.exclude)}))
          ${options.where ? sql`and ${options.where}` : sql``}
        group by po.organisation_id order by projects desc, po.organisation_id limit ${options.limit}`,
  );
  return new Map(rows.map((r) => [r.id, { projects: r.projects, titles: r.titles }]));
}
