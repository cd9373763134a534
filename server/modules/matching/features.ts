import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../../contracts/portfolio';
import { type Db, intArray, queryRows, textArray } from '../../db/client';
import type { Actor } from '../accounts';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { vocabulary } from './vocabulary';

// The facts suggestions are ranked by, each read in one statement for a set of organisations.

/** How far the partner network is walked: the asker's closest partners, and theirs. */
const CLOSE_PARTNERS = 50;
const PARTNERS_OF_PARTNER = 200;

/** How many public projects an organisation takes part in: its pair with itself. */
const publicProjectsOf = (id: SQL) =>
  sql`coalesce((select s.public_projects from organisation_partners s where s.organisation_id = ${id} and s.partner_id = ${id}), 0)`;

/**
 * An organisation's closest partners by public projects shared (`z`, with their count `w`), most
 * first, from the ordered index — the steps of the walk. `except` leaves out one more.
 */
const closestPartners = (of: SQL, limit: number, except?: number) =>
  sql`select k.partner_id as z, k.public_projects as w from organisation_partners k
      where k.organisation_id = ${of} and k.public_projects > 0
        and k.partner_id not in (${of}${except === undefined ? sql`` : sql`, ${except}`})
      order by k.public_projects desc nulls last, k.partner_id limit ${limit}`;

export interface NetworkHit {
  /** Resource allocation: Σ over partners in between of 1 / their number of partners walked. */
  allocation: number;
  /** How many of the asker's partners the candidate worked with. */
  via: number;
  /** The partners in between, closest first (ids). */
  viaIds: number[];
  /** How many public projects the candidate takes part in. */
  projects: number;
}

/**
 * Partners of partners from real shared projects: the asker's closest partners and their closest
 * partners (most shared projects first, bounded, so a hub of thousands of projects costs the same),
 * each organisation met there scored by resource allocation. The walk follows public
 * collaborations only (public projects of public programmes), so the partners it names as
 * evidence hold for every reader. Existing partners — those sharing any project with the asker,
 * seen or not — are left out. `where` filters the candidates (over `organisations o`).
 */
export async function networkCandidates(
  db: Db,
  actor: Actor,
  organisationId: number,
  options: { limit: number; where?: SQL },
): Promise<Map<number, NetworkHit>> {
  // The walk is read as one list per close partner and counted here: 10,000 pairs for a hub cost
  // the database far more as rows to group than as 50 arrays.
  const walked = await queryRows<{ z: number; w: number; met: number[] }>(
    db,
    sql`select pa.z, pa.w, array(
          select q.z from (${closestPartners(sql`pa.z`, PARTNERS_OF_PARTNER, organisationId)}) q) as met
        from (${closestPartners(sql`${organisationId}`, CLOSE_PARTNERS)}) pa`,
  );
  const ranked = rankWalk(walked);
  // Checked in rank order, a few hundred at a time, until enough are new to the asker and visible:
  // a hub's closest partners' partners are mostly its own partners already.
  const hits = new Map<number, NetworkHit>();
  for (
    let from = 0, size = 2 * options.limit;
    from < ranked.length && hits.size < options.limit;
    from += size, size *= 4
  ) {
    const chunk = ranked.slice(from, from + size);
    const rows = await queryRows<{ c: number; projects: number }>(
      db,
      sql`select t.c, ${publicProjectsOf(sql`t.c`)} as projects from (
          select u.c, u.i from unnest(${intArray(chunk.map((m) => m.c))}) with ordinality u(c, i)
          join organisations o on o.id = u.c
          where not exists (select 1 from organisation_partners k where k.organisation_id = ${organisationId} and k.partner_id = u.c)
            and ${organisationVisibleSql(actor, 'o')} ${options.where ? sql`and ${options.where}` : sql``}
          order by u.i limit ${options.limit - hits.size}) t
        order by t.i`,
    );
    const byId = new Map(chunk.map((m) => [m.c, m]));
    for (const r of rows) {
      const m = byId.get(r.c);
      if (m) hits.set(r.c, { allocation: m.allocation, via: m.via, viaIds: m.viaIds, projects: r.projects });
    }
  }
  return hits;
}

/**
 * Everyone met on the walk, by how many close partners lead there, then resource allocation (Σ of
 * 1 / the partners walked from each), naming the closest three partners in between.
 */
export function rankWalk(walked: { z: number; w: number; met: number[] }[]) {
  const byCloseness = [...walked].sort((a, b) => b.w - a.w || a.met.length - b.met.length || a.z - b.z);
  const met = new Map<number, { c: number; allocation: number; via: number; viaIds: number[] }>();
  for (const { z, met: partners } of byCloseness)
    for (const c of partners) {
      const m = met.get(c) ?? { c, allocation: 0, via: 0, viaIds: [] };
      m.allocation += 1 / partners.length;
      m.via++;
      if (m.viaIds.length < 3) m.viaIds.push(z);
      met.set(c, m);
    }
  // Sums in a different order differ in the last bits; equal shares must tie (and fall to the id).
  const key = (x: number) => Math.round(x * 1e9);
  return [...met.values()].sort((a, b) => b.via - a.via || key(b.allocation) - key(a.allocation) || a.c - b.c);
}

/**
 * Which of the asker's closest partners (as in the walk: public collaborations, the 50 it shares the
 * most projects with) each of the given organisations worked with, closest first: the network part
 * of a profile match, where the candidates are known and a walk is not needed.
 */
export async function commonPartners(
  db: Db,
  organisationId: number,
  candidates: number[],
): Promise<Map<number, NetworkHit>> {
  if (candidates.length === 0) return new Map();
  const rows = await queryRows<{ c: number; via: number; via_ids: number[] }>(
    db,
    sql`with mine as materialized (${closestPartners(sql`${organisationId}`, CLOSE_PARTNERS)})
        select k.partner_id as c, count(*)::int as via, (array_agg(m.z order by m.w desc, m.z))[1:3] as via_ids
        from mine m
        join organisation_partners k on k.organisation_id = m.z and k.partner_id = any(${intArray(candidates)})
        where k.public_projects > 0 and k.partner_id <> m.z
        group by k.partner_id`,
  );
  return new Map(rows.map((r) => [r.c, { allocation: r.via, via: r.via, viaIds: r.via_ids.map(Number), projects: 0 }]));
}

/** The organisations among `among` the asker already shares a project with (seen by the reader or not). */
export async function knownPartners(db: Db, organisationId: number, among: number[]): Promise<Set<number>> {
  if (among.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select partner_id as id from organisation_partners
        where organisation_id = ${organisationId} and partner_id = any(${intArray(among)})`,
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
  /** How many public projects it takes part in. */
  projects: number;
}

/** How many of an organisation's latest projects tell its fields of work. */
const FIELD_PROJECTS = 50;

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
    sql`select o.id, o.name, o.type, o.size_class, o.country, o.region_id,
          (select r.name from regions r where r.id = o.region_id) as region,
          (select top.name from regions r join regions top on top.id = split_part(r.path, '/', 2)::int
           where r.id = o.region_id) as land
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
                ${publicProjectsOf(sql`o.id`)} as projects`
              : sql``
          }
        from organisations o
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
const PER_KEY = 30;

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
  // A division (nace:28) is implied by its classes and shared by thousands: the classes probe.
  const probed = keys.filter((key) => !/^nace:\d{2}$/.test(key)).slice(0, PROBE_KEYS);
  if (probed.length === 0) return new Map();
  const codes = probed.flatMap((key) => /^nace:(\d{2}\.\d+)$/.exec(key)?.[1] ?? []);
  // One probe per concept in profiles and per NACE class in the register, written as one lateral
  // join (a union of sixteen probes cost more to plan than to run); counted and ranked first, the
  // organisations then read in that order until enough are visible.
  const rows = await withIndexProbes(db, (tx) =>
    queryRows<{ id: number; shared: number }>(
      tx,
      sql`select c.id, c.shared from (
          select c.id, count(distinct c.k)::int as shared from (
            select f.id, k.k from unnest(${textArray(probed)}) k(k) cross join lateral (
              select pp.organisation_id as id from partner_profiles pp
              where pp.match_keys @> array[k.k] and pp.status = 'published' and pp.visibility = 'public'
                and pp.expires_on >= (now() at time zone 'Europe/Berlin')::date limit ${PER_KEY}) f
            union all
            select f.id, 'nace:' || n.code from unnest(${textArray(codes)}) n(code) cross join lateral (
              select r.organisation_id as id from organisation_nace r where r.code = n.code limit ${PER_KEY}) f) c
          where not (c.id = any(${intArray(options.exclude)}))
          group by c.id order by shared desc, c.id) c
        join organisations o on o.id = c.id
        where ${organisationVisibleSql(actor, 'o')} ${options.where ? sql`and ${options.where}` : sql``}
        order by c.shared desc, c.id limit ${options.limit}`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.shared]));
}

/**
 * Runs `read` with sequential scans off: for probes bounded by a LIMIT the planner may bet on
 * finding the first 60 profiles of a concept early in a scan of all 100,000; the index finds them.
 */
export function withIndexProbes<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return read(tx);
  });
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
