import { type SQL, sql } from 'drizzle-orm';
import type { ProfileKind, ProfileLanguage, Reason, Suggestion, SuggestionsQuery } from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';
import { type Db, intArray, queryRows, textArray } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, knowsAnonymousAuthor } from '../accounts';
import { commonPartners, type OrganisationFacts, organisationFacts, withIndexProbes } from './features';
import { countryNames, reasonText, typeName } from './reasons';
import { conceptFit, kindFit, offerMeetsRequest, overlap, placeFit, profileWeights, typeFit } from './scoring';
import { candidateFilter, conceptLabels, organisationReasons, rounded, type Scored } from './suggestions';
import { stem, words } from './text';

interface ProfileRow {
  id: number;
  organisation_id: number;
  agency_organisation_id: number | null;
  kind: ProfileKind;
  title: string;
  match_keys: string[];
  terms: string[];
  sought_types: OrganisationType[];
  sought_sizes: string[];
  sought_countries: string[];
  sought_region_ids: number[];
  visibility: 'public' | 'anonymous';
  status: string;
  live: boolean;
}

const profileColumns = sql`p.id, p.organisation_id, p.agency_organisation_id, p.kind, p.title, p.match_keys, p.terms,
  p.sought_types, p.sought_sizes, p.sought_countries, p.sought_region_ids, p.visibility, p.status,
  (p.status = 'published' and p.expires_on >= (now() at time zone 'Europe/Berlin')::date) as live`;

/** How many concepts (and pairs of them) and stems of a profile look for candidates, and how many each brings. */
const MAX_KEYS = 8;
const PAIRED_KEYS = 5;
const MAX_TERMS = 6;
const PER_PROBE = 80;
/** How many of them are looked at in full (their organisations, places and partners). */
const SHORTLIST = 120;

/** The parts of a match the two profiles alone decide: shared concepts and terms, offer meeting request. */
const profileOnlyScore = (mine: ProfileRow, theirs: ProfileRow) =>
  profileWeights.concepts * conceptFit(mine.match_keys, theirs.match_keys).score +
  profileWeights.terms * overlap(mine.terms, theirs.terms).score +
  profileWeights.kind * kindFit(mine.kind, theirs.kind);

/**
 * Profiles that match a profile: they share concepts (across languages) or terms; ranked by
 * concepts, offer meeting request, the partner sought, the network, types and places. Anonymous
 * profiles come without organisation, name, region and network evidence unless the reader may know.
 * Whether the reader may see the profile asked about is the caller's to check (the profiles module).
 */
export async function matchesForProfile(
  db: Db,
  actor: Actor,
  profileId: number,
  query: SuggestionsQuery,
): Promise<{ items: Suggestion[] }> {
  const [profile] = await queryRows<ProfileRow>(
    db,
    sql`select ${profileColumns} from partner_profiles p where p.id = ${profileId}`,
  );
  if (!profile) throw new AppError('not_found', `Profil ${profileId} wurde nicht gefunden.`);
  const where = await candidateFilter(db, query);
  const candidates = await liveProfilesMatching(db, profile, where);
  const facts = await organisationFacts(db, actor, [profile.organisation_id], 'basic');
  const asker = facts.get(profile.organisation_id);
  if (!asker) throw new AppError('not_found', `Profil ${profileId} wurde nicht gefunden.`);
  const { shortlist, owners } = await visibleShortlist(db, actor, profile, candidates);
  for (const [id, f] of owners) facts.set(id, f);
  const network = await commonPartners(db, profile.organisation_id, [
    ...new Set(shortlist.map((c) => c.organisation_id)),
  ]);
  const best = Math.max(0, ...[...network.values()].map((n) => n.via));
  const scored = shortlist.flatMap((c) => {
    const org = facts.get(c.organisation_id);
    if (!org) return [];
    const anonymous =
      c.visibility === 'anonymous' && !knowsAnonymousAuthor(actor, c.organisation_id, c.agency_organisation_id);
    const hit = anonymous ? undefined : network.get(c.organisation_id);
    const concepts = conceptFit(profile.match_keys, c.match_keys);
    const terms = overlap(profile.terms, c.terms);
    const sought = soughtFit(profile, org, c, asker);
    const parts = {
      concepts: concepts.score,
      terms: terms.score,
      kind: kindFit(profile.kind, c.kind),
      sought: sought.score,
      network: hit && best > 0 ? hit.via / best : 0,
      type: typeFit(asker.type, org.type).score,
      place: placeFit(asker, org).score,
    };
    const score = Object.entries(parts).reduce((s, [k, v]) => s + profileWeights[k as keyof typeof parts] * v, 0);
    return [{ c, org, anonymous, hit, concepts, terms, sought, score }];
  });
  scored.sort((a, b) => b.score - a.score || a.c.id - b.c.id);
  const top = scored.slice(0, query.limit);
  const lang = query.lang;
  const [labels, texts, viaNames] = await Promise.all([
    conceptLabels(db, [...new Set(top.flatMap((t) => t.concepts.shared.slice(0, 5)))], lang),
    profileTexts(db, [profile.id, ...top.map((t) => t.c.id)]),
    organisationFacts(db, actor, [...new Set(top.flatMap((t) => t.hit?.viaIds ?? []))], 'basic'),
  ]);
  const names = {
    via: new Map([...viaNames.values()].map((f) => [f.id, f.name])),
    fields: new Map<number, string>(),
    concepts: labels,
  };
  const items = await Promise.all(
    top.map(async (t): Promise<Suggestion> => {
      const asScored: Scored = {
        facts: t.org,
        score: t.score,
        parts: { network: 0, common: 0, activity: 0, fields: 0, concepts: 0, type: 0, place: 0 },
        network: t.hit,
        sharedConcepts: t.concepts.shared,
        sharedFields: [],
      };
      const reasons: Reason[] = [];
      if (offerMeetsRequest(profile.kind, t.c.kind))
        reasons.push(reasonText.offerMeetsRequest(profile.kind, t.c.kind, lang));
      reasons.push(...organisationReasons(asker, asScored, lang, names, t.anonymous));
      const words = matchingWords(texts.get(profile.id) ?? '', texts.get(t.c.id) ?? '', t.terms.shared);
      if (words.length > 0) reasons.splice(1, 0, reasonText.matchingTerms(words, lang));
      if (t.sought.met.length > 0)
        reasons.push(
          reasonText.soughtCriteria(
            t.sought.met.map((m) => m[lang]),
            lang,
          ),
        );
      return {
        organisationId: t.anonymous ? null : t.org.id,
        name: t.anonymous ? null : t.org.name,
        profileId: t.c.id,
        profileTitle: t.c.title,
        profileKind: t.c.kind,
        type: t.org.type,
        sizeClass: t.org.sizeClass,
        country: t.org.country,
        region: t.anonymous ? null : t.org.region,
        score: rounded(t.score),
        reasons,
      };
    }),
  );
  return { items };
}

/**
 * The candidates best by what the two profiles alone say (concepts, terms, offer and request: 0.6
 * of the score), of organisations the reader may see, with those organisations' facts: those
 * looked at in full.
 */
async function visibleShortlist(
  db: Db,
  actor: Actor,
  profile: ProfileRow,
  candidates: ProfileRow[],
): Promise<{ shortlist: ProfileRow[]; owners: Map<number, OrganisationFacts> }> {
  const ranked = candidates
    .map((c) => ({ c, score: profileOnlyScore(profile, c) }))
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .map((x) => x.c);
  const shortlist: ProfileRow[] = [];
  const owners = new Map<number, OrganisationFacts>();
  for (let from = 0; from < ranked.length && shortlist.length < SHORTLIST; from += SHORTLIST) {
    const next = ranked.slice(from, from + SHORTLIST);
    const found = await organisationFacts(db, actor, [...new Set(next.map((c) => c.organisation_id))], 'basic');
    for (const [id, f] of found) owners.set(id, f);
    shortlist.push(...next.filter((c) => found.has(c.organisation_id)));
  }
  return { shortlist, owners };
}

/** The live profiles of other organisations sharing a concept or a term (whether the reader may see their organisations is checked later). */
async function liveProfilesMatching(db: Db, profile: ProfileRow, where: SQL | undefined): Promise<ProfileRow[]> {
  // Per pair of concepts, per concept and, where concepts are few, per word stem a bounded number
  // of live profiles having it, the index's first: a concept thousands share costs no more than a
  // rare one, and those sharing two concepts are not lost among thousands sharing one.
  const keys = profile.match_keys.filter((k) => !/^nace:\d{2}$/.test(k)).slice(0, MAX_KEYS);
  const paired = keys.slice(0, PAIRED_KEYS);
  const pairs = paired.flatMap((a, i) => paired.slice(i + 1).map((b) => [a, b]));
  // A word stem brings profiles that share one of the concepts too, where the profile has any: a
  // stem alone ("energ", "trans") is shared by thousands that have nothing else in common.
  const withAKey = keys.length > 0 ? sql`and p.match_keys && ${textArray(keys)}` : sql``;
  const probes = [
    ...pairs.map(([a, b]) => sql`p.match_keys @> array[${a}, ${b}]::text[]`),
    ...keys.map((k) => sql`p.match_keys @> array[${k}]::text[]`),
    ...(keys.length < 3
      ? profile.terms.slice(0, MAX_TERMS).map((t) => sql`p.terms @> array[${t}]::text[] ${withAKey}`)
      : []),
  ];
  if (probes.length === 0) return [];
  const live = sql`p.status = 'published' and p.expires_on >= (now() at time zone 'Europe/Berlin')::date
    and p.organisation_id <> ${profile.organisation_id}`;
  const filtered = where
    ? sql`and exists (select 1 from organisations o where o.id = p.organisation_id and ${where})`
    : sql``;
  const perProbe = sql.join(
    probes.map(
      (probe) =>
        sql`(select p.id from partner_profiles p where ${probe} and ${live} ${filtered}
             limit ${PER_PROBE})`,
    ),
    sql` union `,
  );
  return withIndexProbes(db, (tx) =>
    queryRows<ProfileRow>(tx, sql`select ${profileColumns} from partner_profiles p where p.id in (${perProbe})`),
  );
}

type Texts3 = Record<ProfileLanguage, string>;

/** How far a candidate fits what either side seeks (type, size, country, region); neutral when nobody seeks anything. */
function soughtFit(
  mine: ProfileRow,
  theirOrg: { type: OrganisationType; sizeClass: string | null; country: string | null; regionId: number | null },
  theirs: ProfileRow,
  myOrg: { type: OrganisationType; sizeClass: string | null; country: string | null },
): { score: number; met: Texts3[] } {
  const checks: boolean[] = [];
  const met: Texts3[] = [];
  if (mine.sought_types.length > 0) {
    const ok = mine.sought_types.includes(theirOrg.type);
    checks.push(ok);
    if (ok)
      met.push({
        de: typeName(theirOrg.type, 'de'),
        en: typeName(theirOrg.type, 'en'),
        it: typeName(theirOrg.type, 'it'),
      });
  }
  if (mine.sought_sizes.length > 0)
    checks.push(theirOrg.sizeClass !== null && mine.sought_sizes.includes(theirOrg.sizeClass));
  if (mine.sought_countries.length > 0) {
    const ok = theirOrg.country !== null && mine.sought_countries.includes(theirOrg.country);
    checks.push(ok);
    const country = countryNames[theirOrg.country ?? ''];
    if (ok && theirOrg.country)
      met.push(country ?? { de: theirOrg.country, en: theirOrg.country, it: theirOrg.country });
  }
  if (theirs.sought_types.length > 0) checks.push(theirs.sought_types.includes(myOrg.type));
  if (theirs.sought_countries.length > 0)
    checks.push(myOrg.country !== null && theirs.sought_countries.includes(myOrg.country));
  if (checks.length === 0) return { score: 0.5, met };
  return { score: checks.filter(Boolean).length / checks.length, met };
}

async function profileTexts(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await queryRows<{ id: number; text: string }>(
    db,
    sql`select id, title || ' ' || summary as text from partner_profiles where id = any(${intArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** The words of both texts behind the shared stems, as "Roboter / robot" pairs where they differ. */
function matchingWords(a: string, b: string, stems: string[]): string[] {
  const first = (text: string, s: string) => text.match(/[\p{L}\p{N}]+/gu)?.find((w) => stem(words(w)[0] ?? '') === s);
  return stems.slice(0, 5).flatMap((s) => {
    const x = first(a, s);
    const y = first(b, s);
    if (!x || !y) return [];
    return x.toLowerCase() === y.toLowerCase() ? [x] : [`${x} / ${y}`];
  });
}
