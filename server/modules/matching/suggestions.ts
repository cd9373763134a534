import { type SQL, sql } from 'drizzle-orm';
import type { ProfileLanguage, Reason, Suggestion, SuggestionsQuery } from '../../../contracts/matching';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { describeConcepts } from './concepts';
import {
  conceptCandidates,
  fieldNames,
  knownPartners,
  type NetworkHit,
  networkCandidates,
  type OrganisationFacts,
  organisationFacts,
} from './features';
import { countryNames, reasonText } from './reasons';
import { conceptFit, cosine, type OrganisationWeights, organisationWeights, placeFit, typeFit } from './scoring';

/** The list filters of every suggestion route, as a predicate over `organisations o`. */
export async function candidateFilter(db: Db, query: SuggestionsQuery): Promise<SQL | undefined> {
  const parts: SQL[] = [];
  if (query.country) parts.push(sql`o.country = ${query.country}`);
  if (query.type) parts.push(sql`o.type = ${query.type}`);
  if (query.regionId) {
    const [region] = await queryRows<{ path: string }>(db, sql`select path from regions where id = ${query.regionId}`);
    if (!region)
      throw new AppError('validation_failed', 'Ungültige Angaben: querystring.regionId', {
        fields: [{ field: 'querystring.regionId', reason: 'Diese Region gibt es nicht.' }],
      });
    parts.push(sql`o.region_id in (select d.id from regions d where d.path like ${`${region.path}%`})`);
  }
  return parts.length > 0 ? sql.join(parts, sql` and `) : undefined;
}

/** Concept labels in the asked language, by key. */
export async function conceptLabels(db: Db, keys: string[], lang: ProfileLanguage): Promise<Map<string, string>> {
  return new Map((await describeConcepts(db, keys)).map((c) => [c.key, c.labels[lang]]));
}

/** Names of visible organisations by id (the partners in between). */
export async function organisationNames(db: Db, actor: Actor, ids: number[]): Promise<Map<number, string>> {
  const facts = await organisationFacts(db, actor, ids, 'basic');
  return new Map([...facts.values()].map((f) => [f.id, f.name]));
}

export interface Scored {
  facts: OrganisationFacts;
  score: number;
  parts: Record<keyof OrganisationWeights, number>;
  network?: NetworkHit;
  sharedConcepts: string[];
  sharedFields: number[];
}

/** The best values among the candidates, which the network and activity parts are measured against. */
export interface Bests {
  allocation: number;
  via: number;
  projects: number;
}

export function bestsOf(network: Map<number, NetworkHit>, candidates: Iterable<OrganisationFacts>): Bests {
  const hits = [...network.values()];
  return {
    allocation: Math.max(0, ...hits.map((n) => n.allocation)),
    via: Math.max(0, ...hits.map((n) => n.via)),
    projects: Math.max(0, ...hits.map((n) => n.projects), ...[...candidates].map((c) => c.projects)),
  };
}

/** How many candidates the network and the concepts offer, and how many of the network's are scored in full. */
const NETWORK_CANDIDATES = 200;
const CONCEPT_CANDIDATES = 20;
const SHORTLIST = 30;

const activityOf = (projects: number, bests: Bests) =>
  bests.projects > 0 ? Math.log1p(projects) / Math.log1p(bests.projects) : 0;

/** The parts of the score the network walk alone gives: resource allocation, common partners, activity. */
function networkScore(hit: NetworkHit, bests: Bests, weights: OrganisationWeights): number {
  return (
    weights.network * (bests.allocation > 0 ? hit.allocation / bests.allocation : 0) +
    weights.common * (bests.via > 0 ? hit.via / bests.via : 0) +
    weights.activity * activityOf(hit.projects, bests)
  );
}

/** Scores an organisation against the asker from the network, activity, fields, concepts, types and places. */
export function scoreOrganisation(
  asker: OrganisationFacts,
  candidate: OrganisationFacts,
  network: NetworkHit | undefined,
  bests: Bests,
  weights: OrganisationWeights = organisationWeights,
): Scored {
  const fields = cosine(asker.fields, candidate.fields);
  const concepts = conceptFit(asker.conceptKeys, candidate.conceptKeys);
  const parts = {
    network: network && bests.allocation > 0 ? network.allocation / bests.allocation : 0,
    common: network && bests.via > 0 ? network.via / bests.via : 0,
    activity: activityOf(candidate.projects, bests),
    fields: fields.score,
    concepts: concepts.score,
    type: typeFit(asker.type, candidate.type).score,
    place: placeFit(asker, candidate).score,
  };
  const score = Object.entries(parts).reduce((sum, [k, v]) => sum + weights[k as keyof OrganisationWeights] * v, 0);
  return { facts: candidate, score, parts, network, sharedConcepts: concepts.shared, sharedFields: fields.shared };
}

/** The reasons of a scored organisation, in words; `anonymous` leaves out what would name it. */
export function organisationReasons(
  asker: OrganisationFacts,
  s: Scored,
  lang: ProfileLanguage,
  names: { via: Map<number, string>; fields: Map<number, string>; concepts: Map<string, string> },
  anonymous = false,
): Reason[] {
  const reasons: Reason[] = [];
  if (s.sharedConcepts.length > 0)
    reasons.push(
      reasonText.sharedConcepts(
        s.sharedConcepts.slice(0, 5),
        s.sharedConcepts.slice(0, 5).map((k) => names.concepts.get(k) ?? k),
        lang,
      ),
    );
  if (!anonymous && s.network) {
    const via = s.network.viaIds.flatMap((id) => names.via.get(id) ?? []);
    if (via.length > 0) reasons.push(reasonText.partnersOfPartners(via, s.network.via, lang));
  }
  if (s.sharedFields.length > 0)
    reasons.push(
      reasonText.sharedFields(
        s.sharedFields.slice(0, 3).flatMap((id) => names.fields.get(id) ?? []),
        lang,
      ),
    );
  const type = typeFit(asker.type, s.facts.type);
  if (type.complement) reasons.push(reasonText.typeComplement(asker.type, s.facts.type, lang));
  const place = placeFit(asker, s.facts);
  if (place.crossBorder) {
    const label = (f: OrganisationFacts) =>
      anonymous ? (countryNames[f.country ?? '']?.[lang] ?? f.country ?? '') : (f.land ?? '');
    reasons.push(reasonText.crossBorder(asker.land ?? '', label(s.facts), lang));
  } else if (place.sameRegion && !anonymous && s.facts.region)
    reasons.push(reasonText.sameRegion(s.facts.region, lang));
  return reasons;
}

/** Looks up what the reasons name: partners in between, fields, concepts — for the final items only. */
export async function reasonNames(db: Db, actor: Actor, items: Scored[], lang: ProfileLanguage) {
  const [via, fields, concepts] = await Promise.all([
    organisationNames(db, actor, [...new Set(items.flatMap((s) => s.network?.viaIds ?? []))]),
    fieldNames(db, [...new Set(items.flatMap((s) => s.sharedFields.slice(0, 3)))]),
    conceptLabels(db, [...new Set(items.flatMap((s) => s.sharedConcepts.slice(0, 5)))], lang),
  ]);
  return { via, fields, concepts };
}

export const rounded = (score: number) => Math.round(score * 1000) / 1000;

/** A suggestion item for a named organisation. */
export function organisationItem(s: Scored, reasons: Reason[]): Suggestion {
  return {
    organisationId: s.facts.id,
    name: s.facts.name,
    profileId: null,
    profileTitle: null,
    profileKind: null,
    type: s.facts.type,
    sizeClass: s.facts.sizeClass,
    country: s.facts.country,
    region: s.facts.region,
    score: rounded(s.score),
    reasons,
  };
}

/** The asker's facts, or 404 when the organisation is unknown or hidden from the actor. */
export async function askerFacts(db: Db, actor: Actor, organisationId: number): Promise<OrganisationFacts> {
  const facts = (await organisationFacts(db, actor, [organisationId])).get(organisationId);
  if (!facts) throw new AppError('not_found', `Organisation ${organisationId} wurde nicht gefunden.`);
  return facts;
}

/**
 * Ranked partner suggestions for an organisation, with reasons: partners of its partners from real
 * shared projects, organisations of the same fields and concepts, complementary types and the
 * partner regions across the border. Existing partners are left out, hidden organisations never shown.
 */
export async function suggestPartnersForOrganisation(
  db: Db,
  actor: Actor,
  organisationId: number,
  query: SuggestionsQuery,
  options: { weights?: OrganisationWeights } = {},
): Promise<{ items: Suggestion[] }> {
  const asker = await askerFacts(db, actor, organisationId);
  const where = await candidateFilter(db, query);
  const weights = options.weights ?? organisationWeights;
  const network = await networkCandidates(db, actor, organisationId, {
    limit: NETWORK_CANDIDATES,
    where,
  });
  const byConcept = await conceptCandidates(db, actor, asker.conceptKeys, {
    limit: CONCEPT_CANDIDATES,
    exclude: [organisationId, ...network.keys()],
    where,
  });
  const known = await knownPartners(db, organisationId, [...byConcept.keys()]);
  // The network's own parts decide which of its candidates are looked at in full.
  const preliminary = bestsOf(network, []);
  const shortlist = [...network.entries()]
    .map(([id, hit]) => ({ id, score: networkScore(hit, preliminary, weights) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, SHORTLIST)
    .map((c) => c.id);
  const ids = [...shortlist, ...[...byConcept.keys()].filter((id) => !known.has(id))];
  const facts = await organisationFacts(db, actor, ids);
  const bests = bestsOf(network, facts.values());
  const scored = [...facts.values()]
    .map((f) => scoreOrganisation(asker, f, network.get(f.id), bests, weights))
    .sort((a, b) => b.score - a.score || a.facts.id - b.facts.id)
    .slice(0, query.limit);
  const names = await reasonNames(db, actor, scored, query.lang);
  const items = await Promise.all(
    scored.map(async (s) => organisationItem(s, organisationReasons(asker, s, query.lang, names))),
  );
  return { items };
}
