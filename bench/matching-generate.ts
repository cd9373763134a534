/**
 * Partner profiles on top of a generated directory (see directory-generate.ts): N profiles of
 * organisations drawn zipf-like (the well connected publish several), in the five kinds and three
 * languages, with 1–4 concepts each drawn zipf-like from the real vocabulary (technology fields of
 * data/matching, NACE classes of the database), texts made of those concepts' words and a zipf-drawn
 * vocabulary, and the terms and match keys the matching module derives from them. About 5 % of
 * the organisations get NACE codes, many of them owners of a profile with a NACE concept.
 *
 * Loading is bulk SQL on one connection: one `jsonb_to_recordset` statement per 5,000 profiles,
 * the secondary indexes dropped before and rebuilt after, then VACUUM ANALYZE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type ProfileKind, type ProfileLanguage, profileKinds } from '../contracts/matching';
import { type OrganisationType, organisationTypes } from '../contracts/portfolio';
import { matchKeysOf, termsOf } from '../server/modules/matching';
import { type Conn, dropSecondaryIndexes, zipf } from './directory-generate';
import { researchFields, sectorsEn, settori, trades } from './directory-words';
import { createRng, type Rng } from './generate';
import { profileWordsEn, profileWordsIt } from './matching-words';
import { nowMs } from './stats';
import { groups, heads, topics } from './words';

export type MatchingOptions = {
  profiles: number;
  /** Share of all organisations that end up with NACE codes. */
  naceShare?: number;
  seed?: number;
  batch?: number;
  log?: (message: string) => void;
};

export type MatchingResult = {
  profiles: number;
  published: number;
  /** Distinct organisations with a profile. */
  owners: number;
  /** Profiles of the organisation with the most. */
  mostProfiles: number;
  organisationsWithNace: number;
  naceRows: number;
  vocabulary: { technologyFields: number; naceClasses: number };
  phases: { phase: string; ms: number }[];
  ms: number;
};

type Lang = ProfileLanguage;
type Field = { key: string; words: Record<Lang, string[]> };
type NaceClass = { code: string; word: Record<Lang, string> };
type Vocab = { fields: Field[]; nace: NaceClass[]; words: Record<Lang, string[]> };

const FIELDS_FILE = path.resolve(import.meta.dirname, '..', 'data', 'matching', 'technology-fields.json');
const file = 'bench/matching-generate.ts';
const rowsOf = async <T>(conn: Conn, text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[];
const splitWords = (texts: readonly string[]) =>
  texts.flatMap((t) => t.split(/[\s,–-]+/u)).filter((w) => w.length >= 5);

/** The technology fields with their one-word terms per language (phrases are left to the real extraction). */
function readFields(): Field[] {
  const raw = JSON.parse(fs.readFileSync(FIELDS_FILE, 'utf8')) as {
    fields: { key: string; terms: Record<Lang, string[]> }[];
  };
  const oneWord = (terms: string[]) => terms.filter((t) => /^\p{L}+$/u.test(t));
  return raw.fields.map((f) => ({
    key: f.key,
    words: { de: oneWord(f.terms.de), en: oneWord(f.terms.en), it: oneWord(f.terms.it) },
  }));
}

/** The word of a NACE label a profile would use: its longest ("Verpackungsmitteln" of "Herstellung von Verpackungsmitteln …"). */
const longestWord = (label: string) =>
  label.split(/[^\p{L}]+/u).reduce((best, w) => (w.length > best.length ? w : best), '');

/** Fisher–Yates with the seeded generator: the zipf ranks of a vocabulary are not its alphabet. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Words with distinct, meaningful term stems: each one adds exactly one term to a text. */
function vocabularyOf(rng: Rng, candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of candidates) {
    const [term, ...more] = termsOf(w);
    if (!term || more.length > 0 || seen.has(term)) continue;
    seen.add(term);
    out.push(w);
  }
  return shuffled(rng, out);
}

async function readVocabulary(conn: Conn, rng: Rng): Promise<Vocab> {
  const fields = shuffled(rng, readFields());
  const nace = shuffled(
    rng,
    (
      await rowsOf<{ code: string; de: string; en: string; it: string }>(
        conn,
        `select code, label_de as de, label_en as en, label_it as it from nace_codes where level = 4 order by code`,
      )
    ).map((r) => ({ code: r.code, word: { de: longestWord(r.de), en: longestWord(r.en), it: longestWord(r.it) } })),
  );
  if (fields.length === 0 || nace.length === 0)
    throw new Error('No vocabulary: technology fields or NACE classes missing');
  const fieldWords = (l: Lang) => fields.flatMap((f) => f.words[l]);
  return {
    fields,
    nace,
    words: {
      de: vocabularyOf(rng, [
        ...topics,
        ...trades,
        ...heads,
        ...groups,
        ...splitWords(researchFields),
        ...fieldWords('de'),
      ]),
      it: vocabularyOf(rng, [...profileWordsIt, ...settori, ...fieldWords('it')]),
      en: vocabularyOf(rng, [...profileWordsEn, ...sectorsEn, ...fieldWords('en')]),
    },
  };
}

const kinds: readonly (readonly [ProfileKind, number])[] = [
  ['technology_offer', 30],
  ['technology_request', 15],
  ['business_offer', 25],
  ['business_request', 15],
  ['research_cooperation', 15],
];
if (kinds.length !== profileKinds.length) throw new Error('Every profile kind needs a weight');

/** The opening of a summary, per kind and language, of words too common or too short to be terms. */
const leads: Record<ProfileKind, Record<Lang, string>> = {
  technology_offer: {
    de: 'Wir bieten eine Technologie für',
    it: 'Offriamo una tecnologia per',
    en: 'We offer a technology for',
  },
  technology_request: {
    de: 'Wir suchen eine Technologie für',
    it: 'Cerchiamo una tecnologia per',
    en: 'We are looking for a technology for',
  },
  business_offer: {
    de: 'Das Unternehmen bietet Dienstleistungen in',
    it: "L'azienda offre servizi di",
    en: 'The company offers services in',
  },
  business_request: {
    de: 'Das Unternehmen sucht Partner für',
    it: "L'azienda cerca partner per",
    en: 'The company is seeking partners for',
  },
  research_cooperation: {
    de: 'Wir suchen Partner zur Zusammenarbeit in',
    it: 'Cerchiamo partner per la cooperazione in',
    en: 'Seeking partners for cooperation in',
  },
};
const joiners: Record<Lang, { for: string; and: string }> = {
  de: { for: 'für', and: 'und' },
  it: { for: 'per', and: 'e' },
  en: { for: 'for', and: 'and' },
};
const statuses = [
  ['published', 85],
  ['draft', 5],
  ['submitted', 3],
  ['rejected', 2],
  ['withdrawn', 5],
] as const;
const stages = [
  ['idea', 15],
  ['prototype', 30],
  ['pilot', 25],
  ['market', 30],
] as const;
const countries = ['DE', 'IT', 'FR', 'AT', 'NL', 'ES', 'BE', 'PL', 'CH', 'SE'];

type Draft = {
  organisation_id: number;
  agency_id: number | null;
  kind: ProfileKind;
  language: Lang;
  title: string;
  summary: string;
  concept_keys: string[];
  match_keys: string[];
  terms: string[];
  sought_types: OrganisationType[];
  sought_countries: string[];
  stage: string;
  deadline: string | null;
  expires_on: string;
  status: string;
  visibility: 'public' | 'anonymous';
  created_at: string;
  published_at: string | null;
  row: number;
};

const DAY = 86_400_000;
const dayOf = (today: number, offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);

function draftProfile(rng: Rng, vocab: Vocab, owner: number, agency: number | null, today: number, row: number): Draft {
  const kind = rng.weighted(kinds);
  const language = rng.weighted<Lang>([
    ['de', 50],
    ['it', 30],
    ['en', 20],
  ]);
  const concepts = new Set<string>();
  const conceptWords: string[] = [];
  const wanted = rng.weighted([
    [1, 25],
    [2, 35],
    [3, 25],
    [4, 15],
  ] as const);
  for (let attempt = 0; concepts.size < wanted && attempt < 20; attempt++) {
    if (rng.chance(0.6)) {
      const field = vocab.fields[zipf(rng, vocab.fields.length, 0.7) - 1] as Field;
      if (concepts.has(`tech:${field.key}`)) continue;
      concepts.add(`tech:${field.key}`);
      const words = field.words[language];
      if (words.length > 0) conceptWords.push(rng.pick(words));
    } else {
      const nace = vocab.nace[zipf(rng, vocab.nace.length, 0.7) - 1] as NaceClass;
      if (concepts.has(`nace:${nace.code}`)) continue;
      concepts.add(`nace:${nace.code}`);
      conceptWords.push(nace.word[language]);
    }
  }
  const words = vocab.words[language];
  const more = Array.from({ length: rng.int(3, 14) }, () => words[zipf(rng, words.length, 0.5) - 1] as string);
  const [first = '', second = '', ...rest] = [...conceptWords, ...more];
  const j = joiners[language];
  const title = `${first.charAt(0).toUpperCase()}${first.slice(1)} ${j.for} ${second}`;
  const summary = `${leads[kind][language]} ${rest.join(', ')} ${j.and} ${first}.`;
  const conceptKeys = [...concepts];
  const status = rng.weighted(statuses);
  const created = -rng.int(0, 900);
  const published = status === 'published' ? Math.min(0, created + rng.int(3, 40)) : null;
  const expires =
    status === 'published' ? (rng.chance(0.88) ? rng.int(1, 540) : -rng.int(1, 365)) : created + rng.int(120, 720);
  const technical = kind.startsWith('technology') || kind === 'research_cooperation';
  return {
    organisation_id: owner,
    agency_id: agency,
    kind,
    language,
    title,
    summary,
    concept_keys: conceptKeys,
    match_keys: matchKeysOf(conceptKeys),
    terms: termsOf(`${title} ${summary}`, 20),
    sought_types: rng.chance(0.3)
      ? [
          ...new Set(
            Array.from({ length: rng.int(1, 2) }, () =>
              kind === 'research_cooperation'
                ? rng.pick(['university', 'research_institute'] as const)
                : rng.pick(organisationTypes),
            ),
          ),
        ]
      : [],
    sought_countries: rng.chance(0.25) ? [...new Set([rng.pick(countries), rng.pick(countries)])] : [],
    stage: technical ? rng.weighted(stages) : 'not_applicable',
    deadline: rng.chance(0.15) ? dayOf(today, rng.int(14, 365)) : null,
    expires_on: dayOf(today, expires),
    status,
    visibility: rng.chance(0.2) ? 'anonymous' : 'public',
    created_at: new Date(today + created * DAY).toISOString(),
    published_at: published === null ? null : new Date(today + published * DAY).toISOString(),
    row,
  };
}

/**
 * Adds `profiles` partner profiles and organisations' NACE codes to a database that holds a
 * generated directory (organisations, projects, participations).
 */
export async function generateProfiles(conn: Conn, options: MatchingOptions): Promise<MatchingResult> {
  const rng = createRng(options.seed ?? 20_250_314);
  const batch = options.batch ?? 5_000;
  const log = options.log ?? (() => {});
  const phases: { phase: string; ms: number }[] = [];
  const started = nowMs();
  let mark = started;
  const phase = (name: string) => {
    const now = nowMs();
    phases.push({ phase: name, ms: now - mark });
    mark = now;
  };

  const vocab = await readVocabulary(conn, rng);
  // Owners: mostly the well connected (zipf over the participation ranking), the rest anyone.
  const all = Int32Array.from(
    (await rowsOf<{ id: number }>(conn, 'select id from organisations order by id')).map((r) => Number(r.id)),
  );
  const ranked = Int32Array.from(
    (
      await rowsOf<{ id: number }>(
        conn,
        `select organisation_id as id from project_organisations group by organisation_id
         order by count(*) desc, organisation_id`,
      )
    ).map((r) => Number(r.id)),
  );
  const agencies = (
    await rowsOf<{ id: number }>(
      conn,
      `select id from organisations where type = 'development_agency' and country in ('DE', 'IT') order by id limit 40`,
    )
  ).map((r) => Number(r.id));
  if (all.length === 0) throw new Error('No organisations: generate the directory first');
  const owner = () =>
    ranked.length > 0 && rng.chance(0.6)
      ? (ranked[zipf(rng, ranked.length, 0.5) - 1] as number)
      : (all[rng.int(0, all.length - 1)] as number);
  phase('read vocabulary and organisations');

  const dropped = await dropSecondaryIndexes(conn, ['partner_profiles']);
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const naceOf = new Map<number, string[]>();
  const perOwner = new Map<number, number>();
  let published = 0;
  for (let offset = 0; offset < options.profiles; offset += batch) {
    const n = Math.min(batch, options.profiles - offset);
    const drafts = Array.from({ length: n }, (_, i) => {
      const org = owner();
      const agency = agencies.length > 0 && rng.chance(0.9) ? rng.pick(agencies) : null;
      return draftProfile(rng, vocab, org, agency, today, offset + i + 1);
    });
    for (const d of drafts) {
      perOwner.set(d.organisation_id, (perOwner.get(d.organisation_id) ?? 0) + 1);
      if (d.status === 'published') published++;
      const nace = d.concept_keys.find((k) => k.startsWith('nace:'));
      if (nace && !naceOf.has(d.organisation_id) && rng.chance(0.4)) naceOf.set(d.organisation_id, [nace.slice(5)]);
    }
    await conn.query(
      `insert into partner_profiles (organisation_id, agency_organisation_id, kind, language, title, summary,
         concept_keys, match_keys, terms, sought_types, sought_countries, stage, deadline, expires_on, status,
         visibility, reviewed_at, published_at, created_at, updated_at, provenance)
       select x.organisation_id, x.agency_id, x.kind::profile_kind, x.language::profile_language, x.title, x.summary,
         x.concept_keys, x.match_keys, x.terms, x.sought_types, x.sought_countries, x.stage::development_stage,
         x.deadline, x.expires_on, x.status::profile_status, x.visibility::profile_visibility, x.published_at,
         x.published_at, x.created_at, coalesce(x.published_at, x.created_at),
         jsonb_build_object('kind', 'import', 'importKind', 'bench-matching', 'file', '${file}', 'row', x.row)
       from jsonb_to_recordset($1::jsonb) as x(organisation_id int, agency_id int, kind text, language text,
         title text, summary text, concept_keys text[], match_keys text[], terms text[], sought_types text[],
         sought_countries text[], stage text, deadline date, expires_on date, status text, visibility text,
         created_at timestamptz, published_at timestamptz, "row" int)`,
      [JSON.stringify(drafts)],
    );
    if ((offset + n) % (batch * 4) === 0 || offset + n === options.profiles) {
      log(`profiles ${(offset + n).toLocaleString('en-US')} / ${options.profiles.toLocaleString('en-US')}`);
    }
  }
  phase('insert profiles');
  for (const index of dropped) await conn.query(index.def);
  phase(`rebuild ${dropped.length} indexes`);

  // NACE codes: owners of a NACE profile (above), then others at random up to the share, 1–3 codes each.
  const alreadyCoded = new Set(
    (await rowsOf<{ id: number }>(conn, 'select distinct organisation_id as id from organisation_nace')).map((r) =>
      Number(r.id),
    ),
  );
  for (const id of alreadyCoded) naceOf.delete(id);
  const wanted = Math.round(all.length * (options.naceShare ?? 0.05));
  for (let attempt = 0; naceOf.size < wanted && attempt < wanted * 3; attempt++) {
    const id = all[rng.int(0, all.length - 1)] as number;
    if (naceOf.has(id) || alreadyCoded.has(id)) continue;
    const codes = new Set(
      Array.from(
        {
          length: rng.weighted([
            [1, 60],
            [2, 30],
            [3, 10],
          ] as const),
        },
        () => {
          return (vocab.nace[zipf(rng, vocab.nace.length, 0.7) - 1] as NaceClass).code;
        },
      ),
    );
    naceOf.set(id, [...codes]);
  }
  const nace = { org: [] as number[], code: [] as string[], primary: [] as boolean[] };
  for (const [id, codes] of naceOf) {
    codes.forEach((code, i) => {
      nace.org.push(id);
      nace.code.push(code);
      nace.primary.push(i === 0);
    });
  }
  for (let from = 0; from < nace.org.length; from += 25_000) {
    const to = from + 25_000;
    await conn.query(
      `insert into organisation_nace (organisation_id, code, is_primary, provenance)
       select u.org, u.code, u.is_primary,
         jsonb_build_object('kind', 'import', 'importKind', 'bench-matching', 'file', '${file}', 'row', ($4::int + u.ord)::int)
       from unnest($1::int[], $2::text[], $3::boolean[]) with ordinality as u(org, code, is_primary, ord)
       on conflict do nothing`,
      [nace.org.slice(from, to), nace.code.slice(from, to), nace.primary.slice(from, to), from],
    );
  }
  phase('insert organisation NACE codes');
  await conn.query('vacuum analyze partner_profiles');
  await conn.query('vacuum analyze organisation_nace');
  phase('VACUUM ANALYZE');

  return {
    profiles: options.profiles,
    published,
    owners: perOwner.size,
    mostProfiles: [...perOwner.values()].reduce((m, v) => Math.max(m, v), 0),
    organisationsWithNace: naceOf.size,
    naceRows: nace.org.length,
    vocabulary: { technologyFields: vocab.fields.length, naceClasses: vocab.nace.length },
    phases,
    ms: nowMs() - started,
  };
}
