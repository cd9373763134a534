import { type SQL, sql } from 'drizzle-orm';
import type { Concept, ProfileStatus } from '../../../contracts/matching';
import type {
  ListProfilesQuery,
  Party,
  ProfileAction,
  ProfileDetail,
  ProfileListItem,
} from '../../../contracts/profiles';
import { addDays, todayInGermany } from '../../calendar';
import { type Db, intArray, queryRows, textArray } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { analyseText, describeConcepts } from '../matching';
import { organisationVisibleSql } from '../programmes';
import { actsForAgency, actsForAgencySql, speaksFor, speaksForSql } from './profiles.policy';

/** A profile may be renewed from this many days before it expires. */
export const RENEWAL_WINDOW_DAYS = 30;

/**
 * Who sees a profile (row `p`, its organisation `o`) and who learns its author. Everyone sees the
 * published, unexpired profiles of organisations they may see; those who speak for the
 * organisation see its profiles in every status; the agency sees those submitted to it. The author
 * of an anonymous profile is known to the organisation, its agency and admins only.
 */
export function profileAccessSql(actor: Actor, today: string): { visible: SQL; reveals: SQL } {
  const author = speaksForSql(actor, sql`p.organisation_id`);
  const agency = actsForAgencySql(actor, sql`p.agency_organisation_id`);
  const published = sql`(p.status = 'published' and p.expires_on >= ${today}::date and ${organisationVisibleSql(actor, 'o')})`;
  return {
    visible: sql`(${published} or ${author} or (${agency} and p.status <> 'draft'))`,
    reveals: sql`(p.visibility = 'public' or ${author} or ${agency})`,
  };
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const columns = (reveals: SQL, today: string) => sql`p.id, p.organisation_id, p.agency_organisation_id, p.kind,
  p.language, p.title, p.summary, p.concept_keys, p.concepts_edited, p.sought_types, p.sought_sizes,
  p.sought_countries, p.sought_region_ids, p.stage, p.deadline::text as deadline, p.expires_on::text as expires_on,
  p.expires_on < ${today}::date as is_expired, p.status, p.visibility, p.review_note, p.version,
  ${iso('p.published_at')} as published_at, ${iso('p.reviewed_at')} as reviewed_at,
  ${iso('p.created_at')} as created_at, ${iso('p.updated_at')} as updated_at,
  o.name as organisation_name, o.type as organisation_type, o.size_class, coalesce(o.country, r.country) as country,
  r.id as region_id, r.name as region_name, r.level as region_level, a.name as agency_name,
  ${reveals} as reveals`;

const from = sql`partner_profiles p join organisations o on o.id = p.organisation_id
  left join regions r on r.id = o.region_id left join organisations a on a.id = p.agency_organisation_id`;

type ProfileRow = {
  id: number;
  organisation_id: number;
  agency_organisation_id: number | null;
  kind: ProfileListItem['kind'];
  language: ProfileListItem['language'];
  title: string;
  summary: string;
  concept_keys: string[];
  concepts_edited: boolean;
  sought_types: ProfileDetail['soughtTypes'];
  sought_sizes: ProfileDetail['soughtSizes'];
  sought_countries: string[];
  sought_region_ids: number[];
  stage: ProfileListItem['stage'];
  deadline: string | null;
  expires_on: string;
  is_expired: boolean;
  status: ProfileStatus;
  visibility: ProfileListItem['visibility'];
  review_note: string | null;
  version: number;
  published_at: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
  organisation_name: string;
  organisation_type: Party['organisationType'];
  size_class: Party['sizeClass'];
  country: string | null;
  region_id: number | null;
  region_name: string | null;
  region_level: string | null;
  agency_name: string | null;
  reveals: boolean;
  relevance?: number | string | null;
};

/** The side of a profile or contact a reader may see: identity only when revealed, never a finer place than the country. */
export function partyOf(
  r: {
    id: number;
    name: string;
    type: Party['organisationType'];
    sizeClass: Party['sizeClass'];
    country: string | null;
    region: { id: number | null; name: string | null; level: string | null };
  },
  reveals: boolean,
): Party {
  return {
    organisation: reveals
      ? {
          id: Number(r.id),
          name: r.name,
          region:
            r.region.id === null
              ? null
              : { id: Number(r.region.id), name: r.region.name ?? '', level: r.region.level ?? '' },
        }
      : null,
    organisationType: r.type,
    sizeClass: r.sizeClass,
    country: r.country,
  };
}

function toListItem(r: ProfileRow, concepts: Map<string, Concept>): ProfileListItem {
  const reveals = Boolean(r.reveals);
  return {
    ...partyOf(
      {
        id: r.organisation_id,
        name: r.organisation_name,
        type: r.organisation_type,
        sizeClass: r.size_class,
        country: r.country,
        region: { id: r.region_id, name: r.region_name, level: r.region_level },
      },
      reveals,
    ),
    id: Number(r.id),
    kind: r.kind,
    language: r.language,
    title: r.title,
    summary: r.summary,
    concepts: r.concept_keys.flatMap((k) => concepts.get(k) ?? []),
    agency:
      reveals && r.agency_organisation_id !== null && r.agency_name !== null
        ? { id: Number(r.agency_organisation_id), name: r.agency_name }
        : null,
    stage: r.stage,
    deadline: r.deadline,
    expiresOn: r.expires_on,
    isExpired: Boolean(r.is_expired),
    status: r.status,
    visibility: r.visibility,
    publishedAt: r.published_at,
    relevance: r.relevance === undefined || r.relevance === null ? null : Number(r.relevance),
  };
}

async function conceptsOf(db: Db, rows: { concept_keys: string[] }[]): Promise<Map<string, Concept>> {
  const keys = [...new Set(rows.flatMap((r) => r.concept_keys))];
  return new Map((await describeConcepts(db, keys)).map((c) => [c.key, c]));
}

/**
 * How a search matches a profile in any language: a shared word stem (`terms`) or a shared concept
 * (the concepts the words name, against the profile's `match_keys`); both GIN-indexed. A query of
 * short words only (no stems, no concepts) looks for the text in title and summary.
 */
async function wordsMatch(db: Db, q: string): Promise<{ where: SQL; relevance: SQL }> {
  const { concepts, terms } = await analyseText(db, q);
  const keys = concepts.map((c) => c.key);
  if (terms.length === 0 && keys.length === 0) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return { where: sql`(p.title ilike ${like} or p.summary ilike ${like})`, relevance: sql`1` };
  }
  const where: SQL[] = [];
  const relevance: SQL[] = [];
  if (terms.length > 0) {
    where.push(sql`p.terms && ${textArray(terms)}`);
    relevance.push(sql`(select count(*) from unnest(p.terms) t where t = any(${textArray(terms)}))`);
  }
  if (keys.length > 0) {
    where.push(sql`p.match_keys && ${textArray(keys)}`);
    relevance.push(sql`2 * (select count(*) from unnest(p.match_keys) k where k = any(${textArray(keys)}))`);
  }
  return { where: sql`(${sql.join(where, sql` or `)})`, relevance: sql.join(relevance, sql` + `) };
}

/**
 * Profiles the actor may see, filtered, newest published first (by relevance with `q`). Filters by
 * organisation or agency only find profiles whose author the reader may know.
 */
export async function listProfiles(
  db: Db,
  actor: Actor,
  query: ListProfilesQuery,
  today = todayInGermany(),
): Promise<{ items: ProfileListItem[]; total: number }> {
  const { visible, reveals } = profileAccessSql(actor, today);
  const where: SQL[] = [visible];
  if (query.kind) where.push(sql`p.kind = ${query.kind}`);
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.country) where.push(sql`coalesce(o.country, r.country) = ${query.country}`);
  if (query.organisationId) where.push(sql`p.organisation_id = ${query.organisationId} and ${reveals}`);
  if (query.agencyId) where.push(sql`p.agency_organisation_id = ${query.agencyId} and ${reveals}`);
  if (query.concept) where.push(sql`p.match_keys @> ${textArray([query.concept])}`);
  let relevance = sql`null::int`;
  if (query.q) {
    const match = await wordsMatch(db, query.q);
    where.push(match.where);
    relevance = match.relevance;
  }
  const condition = sql.join(where, sql` and `);
  const order = query.q
    ? sql`relevance desc, p.published_at desc nulls last, p.id desc`
    : sql`p.published_at desc nulls last, p.updated_at desc, p.id desc`;
  const [rows, count] = await Promise.all([
    queryRows<ProfileRow>(
      db,
      sql`select ${columns(reveals, today)}, ${relevance} as relevance from ${from} where ${condition}
        order by ${order} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from partner_profiles p join organisations o on o.id = p.organisation_id
        left join regions r on r.id = o.region_id where ${condition}`,
    ),
  ]);
  const concepts = await conceptsOf(db, rows);
  return { items: rows.map((r) => toListItem(r, concepts)), total: Number(count[0]?.n ?? 0) };
}

/** A profile as the services work with it: every column, the author's identity included — never sent as is. */
export type LoadedProfile = {
  id: number;
  organisationId: number;
  agencyOrganisationId: number | null;
  kind: ProfileListItem['kind'];
  title: string;
  summary: string;
  conceptKeys: string[];
  conceptsEdited: boolean;
  status: ProfileStatus;
  visibility: ProfileListItem['visibility'];
  expiresOn: string;
  isExpired: boolean;
  version: number;
  row: ProfileRow;
};

/** The profile if the actor may see it; not_found otherwise (hidden profiles are not revealed). */
export async function loadProfile(db: Db, actor: Actor, id: number, today = todayInGermany()): Promise<LoadedProfile> {
  const { visible, reveals } = profileAccessSql(actor, today);
  const [row] = await queryRows<ProfileRow>(
    db,
    sql`select ${columns(reveals, today)} from ${from} where p.id = ${id} and ${visible}`,
  );
  if (!row) throw new AppError('not_found', `Profil ${id} wurde nicht gefunden.`);
  return {
    id: Number(row.id),
    organisationId: Number(row.organisation_id),
    agencyOrganisationId: row.agency_organisation_id === null ? null : Number(row.agency_organisation_id),
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    conceptKeys: row.concept_keys,
    conceptsEdited: row.concepts_edited,
    status: row.status,
    visibility: row.visibility,
    expiresOn: row.expires_on,
    isExpired: Boolean(row.is_expired),
    version: Number(row.version),
    row,
  };
}

/** What the actor may do with the profile now: the author edits, submits, withdraws and renews; the agency reviews. */
export function profileActionsFor(actor: Actor, p: LoadedProfile, today: string): ProfileAction[] {
  const actions: ProfileAction[] = [];
  const isAuthor = speaksFor(actor, p.organisationId);
  if (isAuthor && p.status !== 'withdrawn') actions.push('edit');
  if (isAuthor && (p.status === 'draft' || p.status === 'rejected') && !p.isExpired) actions.push('submit');
  if (actsForAgency(actor, p.agencyOrganisationId) && p.status === 'submitted') actions.push('review');
  if (isAuthor && p.status !== 'withdrawn') actions.push('withdraw');
  if (isAuthor && p.status !== 'withdrawn' && p.expiresOn <= addDays(today, RENEWAL_WINDOW_DAYS)) actions.push('renew');
  return actions;
}

/** One profile: concepts in three languages, what is sought, the dates, and the review note for its organisation and agency. */
export async function getProfile(db: Db, actor: Actor, id: number, today = todayInGermany()): Promise<ProfileDetail> {
  const profile = await loadProfile(db, actor, id, today);
  const { row } = profile;
  const regionIds = row.sought_region_ids.map(Number);
  const [concepts, regions] = await Promise.all([
    conceptsOf(db, [row]),
    regionIds.length > 0
      ? queryRows<{ id: number; name: string; level: string }>(
          db,
          sql`select id, name, level from regions where id = any(${intArray(regionIds)}) order by path`,
        )
      : Promise.resolve([]),
  ]);
  const insider = speaksFor(actor, profile.organisationId) || actsForAgency(actor, profile.agencyOrganisationId);
  return {
    ...toListItem(row, concepts),
    conceptsEdited: row.concepts_edited,
    soughtTypes: row.sought_types,
    soughtSizes: row.sought_sizes,
    soughtCountries: row.sought_countries,
    soughtRegions: regions.map((r) => ({ id: Number(r.id), name: r.name, level: r.level })),
    renewableFrom: addDays(row.expires_on, -RENEWAL_WINDOW_DAYS),
    reviewNote: insider ? row.review_note : null,
    reviewedAt: insider ? row.reviewed_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedActions: profileActionsFor(actor, profile, today),
    version: profile.version,
  };
}
