/**
 * A generated organisation directory on top of the demo data: N organisations with realistic German,
 * Italian and other European names, aliases, identifiers, and projects whose participations follow
 * a power law, so the most connected organisation (the real DLR of the demo data) has thousands of
 * shared projects and partners.
 *
 * Loading is bulk SQL on one connection: `INSERT … SELECT … FROM unnest($1::text[], …)` with 25,000
 * rows per statement, secondary indexes dropped before and rebuilt after (from their own
 * definitions), then VACUUM ANALYZE.
 */
import type { OrganisationType } from '../contracts/portfolio';
import { normaliseOrganisationName } from '../server/modules/organisations';
import {
  causes,
  europe,
  germanLegalForms,
  givenNames,
  istituti,
  italianLegalForms,
  italianSurnames,
  moreSurnames,
  researchFields,
  sectorsEn,
  settori,
  trades,
} from './directory-words';
import { createRng, type Rng } from './generate';
import { nowMs } from './stats';
import { heads, surnames, topics } from './words';

/** One connection (PGlite, or a node-postgres client): session settings hold across statements. */
export type Conn = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

export type DirectoryOptions = {
  organisations: number;
  /** Projects to generate; by default one per four organisations. */
  projects?: number;
  seed?: number;
  batch?: number;
  log?: (message: string) => void;
};

/** Names and ids the query mix needs, found while generating. */
export type DirectorySamples = {
  /** A generated German organisation: its name, a misspelling, and its short name (an alias). */
  name: string;
  misspelt: string;
  short: string;
  italian: string;
  pic: string;
};

export type DirectoryResult = {
  organisations: number;
  aliases: number;
  identifiers: number;
  projects: number;
  participations: number;
  phases: { phase: string; ms: number }[];
  ms: number;
  hub: { id: number; name: string; projects: number; partners: number };
  samples: DirectorySamples;
};

const tables = [
  'organisations',
  'organisation_aliases',
  'organisation_identifiers',
  'projects',
  'project_organisations',
];
const importKind = 'bench-directory';
const file = 'bench/directory-generate.ts';
const provenanceSql = (ord: string, offset: string) =>
  `jsonb_build_object('kind', 'import', 'importKind', '${importKind}', 'file', '${file}', 'row', (${offset} + ${ord})::int)`;

const rowsOf = async <T>(conn: Conn, text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[];

type Place = { id: number; name: string };
type Made = { name: string; type: OrganisationType; short?: string };
type Draft = Made & { normalised: string; country: string; city: string; regionId: number | null };

const bigGerman = words(`Köln Düsseldorf Dortmund Essen Duisburg Bochum Wuppertal Bielefeld Bonn Münster Aachen
  Gelsenkirchen Mönchengladbach Krefeld Oberhausen Hagen Hamm Leverkusen Solingen Herne Neuss Paderborn Siegen`);
const bigItalian = words(`Torino Novara Alessandria Asti Cuneo Moncalieri Collegno Rivoli Nichelino Vercelli Biella
  Verbania Alba Bra Ivrea Pinerolo Chieri`);

function words(text: string): string[] {
  return text.trim().split(/\s+/u);
}

/** Capitals of the significant words: "Wirtschaftsförderung Dortmund" → "WD". */
function acronym(core: string): string {
  const small = new Set(['für', 'und', 'di', 'de', 'del', 'della', 'dei', 'of', 'and', 'the', 'e', '&']);
  return core
    .split(/[\s-]+/u)
    .filter((w) => w && !small.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Source spelling as registers and CORDIS print it: "MUELLER METALLBAU GMBH". */
const shouting = (name: string) =>
  name
    .replace(/Ä/g, 'AE')
    .replace(/Ö/g, 'OE')
    .replace(/Ü/g, 'UE')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .toUpperCase();

/** A typo as people make them: two neighbouring letters swapped, or one dropped, in the longest word. */
export function misspell(name: string, rng: Rng = createRng(7)): string {
  const parts = name.split(' ');
  const longest = parts.reduce((best, w, i) => (w.length > (parts[best] ?? '').length ? i : best), 0);
  const w = parts[longest] ?? '';
  if (w.length < 4) return name;
  const i = rng.int(1, w.length - 3);
  parts[longest] = rng.chance(0.5)
    ? `${w.slice(0, i)}${w[i + 1]}${w[i]}${w.slice(i + 2)}`
    : `${w.slice(0, i)}${w.slice(i + 1)}`;
  return parts.join(' ');
}

const withForm = (core: string, form: string): Pick<Made, 'name' | 'short'> =>
  form.includes('{s}')
    ? { name: `${core} ${form.replace('{s}', core.split(' ')[0] ?? core)}`, short: core }
    : form
      ? { name: `${core} ${form}`, short: core }
      : { name: core };

function german(rng: Rng, place: Place): Made {
  const s = () => (rng.chance(0.7) ? rng.pick(surnames) : rng.pick(moreSurnames));
  const p = place.name;
  const kind = rng.weighted([
    ['company', 78],
    ['association', 12],
    ['public', 5],
    ['research', 3],
    ['education', 2],
  ] as const);
  if (kind === 'company') {
    const core = rng.weighted<() => string>([
      [() => `${s()} ${rng.pick(trades)}`, 25],
      [() => `${rng.pick(trades)} ${s()}`, 15],
      [() => `${rng.pick(givenNames)} ${s()} ${rng.pick(trades)}`, 8],
      [() => `${s()} & ${s()}`, 8],
      [() => `${rng.pick(trades)} ${p}`, 6],
      [() => `${s()} ${rng.pick(trades)} ${p}`, 20],
      [() => `${s()} & Söhne ${rng.pick(trades)}`, 3],
      [() => `${rng.pick(trades)} ${s()} & Partner`, 3],
      [() => `${rng.pick(topics)} ${p}`, 6],
      [() => `${s()} ${rng.pick(topics)}`, 6],
    ])();
    return { ...withForm(core, rng.weighted(germanLegalForms)), type: 'company' };
  }
  if (kind === 'association') {
    const c = rng.pick(causes);
    return rng.weighted<() => Made>([
      [() => ({ name: `Förderverein ${c} ${p} e. V.`, type: 'other' }), 25],
      [() => ({ name: `Verein für ${c} und ${rng.pick(causes)} ${p} e. V.`, type: 'other' }), 20],
      [() => ({ name: `Freundeskreis ${c} ${p} e. V.`, type: 'other' }), 10],
      [() => ({ name: `Netzwerk ${rng.pick(topics)} ${p} e. V.`, type: 'network_alliance' }), 15],
      [() => ({ name: `${rng.pick(topics)}Cluster ${p} e. V.`, type: 'cluster_organisation' }), 8],
      [() => ({ name: `Verband ${rng.pick(trades)} ${p} e. V.`, type: 'chamber_association' }), 12],
      [() => ({ name: `${rng.pick(trades)}-Innung ${p}`, type: 'chamber_association' }), 10],
    ])();
  }
  if (kind === 'public') {
    return rng.weighted<() => Made>([
      [() => ({ name: `Stadt ${p}`, type: 'public_body' }), 10],
      [() => ({ name: `Gemeinde ${p}`, type: 'public_body' }), 5],
      [() => ({ name: `Stadtwerke ${p} GmbH`, type: 'company', short: `Stadtwerke ${p}` }), 10],
      [() => ({ name: `Sparkasse ${p}`, type: 'company' }), 5],
      [() => ({ name: `Volksbank ${p} eG`, type: 'company', short: `Volksbank ${p}` }), 5],
      [() => ({ name: `Wirtschaftsförderung ${p} GmbH`, type: 'development_agency', short: `WFG ${p}` }), 8],
      [() => ({ name: `Jobcenter ${p}`, type: 'public_body' }), 5],
      [() => ({ name: `Volkshochschule ${p}`, type: 'other', short: `VHS ${p}` }), 5],
      [() => ({ name: `Kreishandwerkerschaft ${p}`, type: 'chamber_association' }), 5],
      [() => ({ name: `Technologiezentrum ${p} GmbH`, type: 'development_agency', short: `TZ ${p}` }), 5],
      [() => ({ name: `Gründerzentrum ${rng.pick(topics)} ${p}`, type: 'development_agency' }), 10],
    ])();
  }
  if (kind === 'research') {
    const f = rng.pick(researchFields);
    return rng.weighted<() => Made>([
      [() => ({ name: `Institut für ${f} ${p}`, type: 'research_institute' }), 30],
      [() => ({ name: `${s()}-Institut für ${f} gGmbH`, type: 'research_institute' }), 20],
      [() => ({ name: `Lehrstuhl für ${f}, Hochschule ${p}`, type: 'university' }), 20],
      [() => ({ name: `Zentrum für ${f} ${p} e. V.`, type: 'research_institute' }), 20],
      [() => ({ name: `Forschungsstelle ${f} ${p}`, type: 'research_institute' }), 10],
    ])();
  }
  return rng.weighted<() => Made>([
    [() => ({ name: `Hochschule ${p}`, type: 'university' }), 10],
    [() => ({ name: `Fachhochschule ${p}`, type: 'university', short: `FH ${p}` }), 5],
    [() => ({ name: `${s()}-Gymnasium ${p}`, type: 'other' }), 30],
    [() => ({ name: `Berufskolleg ${s()} ${p}`, type: 'other' }), 20],
    [() => ({ name: `Gesamtschule ${s()} ${p}`, type: 'other' }), 20],
  ])();
}

function italian(rng: Rng, place: Place): Made {
  const s = () => rng.pick(italianSurnames);
  const p = place.name;
  const kind = rng.weighted([
    ['company', 82],
    ['association', 9],
    ['public', 5],
    ['research', 4],
  ] as const);
  if (kind === 'company') {
    const core = rng.weighted<() => string>([
      [() => `${s()} ${rng.pick(settori)}`, 25],
      [() => `${rng.pick(settori)} ${s()}`, 15],
      [() => `Fratelli ${s()}`, 6],
      [() => `${s()} & ${s()}`, 10],
      [() => `${rng.pick(settori)} ${p}`, 8],
      [() => `${s()} ${rng.pick(settori)} ${p}`, 20],
      [() => `Officina ${rng.pick(settori)} ${s()}`, 6],
      [() => `Studio ${s()} & Associati`, 5],
      [() => `Nuova ${rng.pick(settori)} ${s()}`, 5],
    ])();
    return { ...withForm(core, rng.weighted(italianLegalForms)), type: 'company' };
  }
  if (kind === 'association') {
    return rng.weighted<() => Made>([
      [() => ({ name: `Associazione Culturale ${s()} ${p}`, type: 'other' }), 30],
      [() => ({ name: `Cooperativa Sociale ${rng.pick(settori)} ${p}`, type: 'other' }), 25],
      [() => ({ name: `Fondazione ${s()} ${p}`, type: 'other' }), 20],
      [() => ({ name: `Consorzio ${rng.pick(settori)} ${p}`, type: 'cluster_organisation' }), 25],
    ])();
  }
  if (kind === 'public') {
    return rng.weighted<() => Made>([
      [() => ({ name: `Comune di ${p}`, type: 'public_body' }), 40],
      [() => ({ name: `Unione Montana ${p}`, type: 'public_body' }), 10],
      [() => ({ name: `Istituto Comprensivo di ${p}`, type: 'other', short: `IC ${p}` }), 30],
      [() => ({ name: `Pro Loco ${p}`, type: 'other' }), 20],
    ])();
  }
  const i = rng.pick(istituti);
  return rng.weighted<() => Made>([
    [() => ({ name: `Istituto di ${i} ${p}`, type: 'research_institute' }), 40],
    [() => ({ name: `Dipartimento di ${i}, Università di ${p}`, type: 'university' }), 30],
    [() => ({ name: `Laboratorio ${s()} di ${i}`, type: 'research_institute' }), 30],
  ])();
}

function european(rng: Rng): Made & { country: string; city: string } {
  const c = rng.weighted(europe.map((e) => [e, e.weight] as const));
  const s = () => rng.pick(c.surnames);
  const city = rng.pick(c.cities);
  const made = rng.weighted<() => Made>([
    [() => ({ ...withForm(`${s()} ${rng.pick(sectorsEn)}`, rng.pick(c.forms)), type: 'company' }), 45],
    [() => ({ ...withForm(`${rng.pick(sectorsEn)} ${city}`, rng.pick(c.forms)), type: 'company' }), 20],
    [() => ({ ...withForm(`${s()} & ${s()}`, rng.pick(c.forms)), type: 'company' }), 15],
    [() => ({ ...withForm(`${city} ${rng.pick(sectorsEn)} ${s()}`, rng.pick(c.forms)), type: 'company' }), 10],
    [() => ({ name: `${city} Institute of ${rng.pick(sectorsEn)}`, type: 'research_institute' }), 5],
    [() => ({ name: `${rng.pick(sectorsEn)} Cluster ${city}`, type: 'cluster_organisation' }), 5],
  ])();
  return { ...made, country: c.country, city };
}

function placeFrom(rng: Rng, all: Place[], big: Place[]): Place {
  return big.length > 0 && rng.chance(0.3) ? rng.pick(big) : rng.pick(all);
}

type Context = { de: Place[]; deBig: Place[]; it: Place[]; itBig: Place[]; taken: Set<string> };

function draftOrganisation(rng: Rng, ctx: Context): Draft {
  for (let attempt = 0; ; attempt++) {
    const where = rng.weighted([
      ['DE', 60],
      ['IT', 25],
      ['EU', 15],
    ] as const);
    let d: Omit<Draft, 'normalised'>;
    if (where === 'DE') {
      const place = placeFrom(rng, ctx.de, ctx.deBig);
      d = { ...german(rng, place), country: 'DE', city: place.name, regionId: rng.chance(0.9) ? place.id : null };
    } else if (where === 'IT') {
      const place = placeFrom(rng, ctx.it, ctx.itBig);
      d = { ...italian(rng, place), country: 'IT', city: place.name, regionId: rng.chance(0.9) ? place.id : null };
    } else {
      d = { ...european(rng), regionId: null };
    }
    const normalised = normaliseOrganisationName(d.name);
    if (!ctx.taken.has(normalised)) {
      ctx.taken.add(normalised);
      return { ...d, normalised };
    }
    if (attempt > 1_000) throw new Error('The word lists are exhausted: too few distinct names for --orgs');
  }
}

/** Other names of an organisation: its short name, the source's capitals, an acronym, a former name. */
function aliasesOf(rng: Rng, d: Draft): string[] {
  const out: string[] = [];
  if (d.short && rng.chance(d.type === 'company' ? 0.1 : 0.4)) out.push(d.short);
  if (rng.chance(0.03)) out.push(shouting(d.name));
  if (d.type !== 'company' && rng.chance(0.2)) {
    const a = acronym(d.name);
    if (a.length >= 3 && a.length <= 6) out.push(a);
  }
  if (d.type === 'company' && rng.chance(0.02)) {
    out.push(d.name.replace(/^(\S+)/u, (w) => `${w} & Söhne`).replace(/ (GmbH|S\.r\.l\.)$/u, ' KG'));
  }
  if (d.name.startsWith('Fratelli ') && rng.chance(0.5)) out.push(d.name.replace('Fratelli ', 'F.lli '));
  return out;
}

/** Drops the indexes of `tables` that no constraint needs; returns their definitions to rebuild them after the load. */
export async function dropSecondaryIndexes(conn: Conn, tables: string[]): Promise<{ name: string; def: string }[]> {
  const rows = await rowsOf<{ name: string; def: string }>(
    conn,
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
     where t.relname = any($1::text[]) and t.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
     order by c.relname`,
    [tables],
  );
  for (const r of rows) await conn.query(`drop index "${r.name}"`);
  return rows;
}

const organisationVisibility = [
  ['public', 97.5],
  ['internal', 2],
  ['restricted', 0.5],
] as const;
const statuses = ['in_progress', 'completed', 'completed', 'in_progress', 'proposed', 'stopped'];
const consortium: readonly (readonly [(rng: Rng) => number, number])[] = [
  [() => 1, 35],
  [() => 2, 20],
  [() => 3, 15],
  [() => 4, 10],
  [() => 5, 6],
  [(rng) => rng.int(6, 10), 10],
  [(rng) => rng.int(11, 25), 4],
];
/** Zipf-like rank in 1..n with exponent s < 1 (inverse of the continuous CDF). */
export function zipf(rng: Rng, n: number, s: number): number {
  const a = 1 - s;
  return Math.min(n, Math.floor((1 + rng.next() * ((n + 1) ** a - 1)) ** (1 / a)));
}

export type Programme = { id: number; eu: boolean };

/**
 * Adds the directory to a migrated database that holds the demo data. `programmes` are the
 * programmes the generated projects belong to (created by the caller through the service).
 */
export async function generateDirectory(
  conn: Conn,
  programmes: Programme[],
  options: DirectoryOptions,
): Promise<DirectoryResult> {
  const rng = createRng(options.seed ?? 20_250_101);
  const batch = options.batch ?? 25_000;
  const total = options.organisations;
  const projectCount = options.projects ?? Math.max(100, Math.round(total / 4));
  const log = options.log ?? (() => {});
  const phases: { phase: string; ms: number }[] = [];
  const started = nowMs();
  let mark = started;
  const phase = (name: string) => {
    const now = nowMs();
    phases.push({ phase: name, ms: now - mark });
    mark = now;
  };

  // Places, the names already taken (demo data), the real organisations at the top of the power law.
  const places = await rowsOf<{ id: number; name: string; country: string }>(
    conn,
    `select id, name, country from regions where level = 'municipality' order by id`,
  );
  const de = places.filter((p) => p.country === 'DE');
  const it = places.filter((p) => p.country === 'IT');
  if (de.length === 0 || it.length === 0) throw new Error('Regions missing: load the demo data first.');
  const ctx: Context = {
    de,
    it,
    deBig: de.filter((p) => bigGerman.includes(p.name)),
    itBig: it.filter((p) => bigItalian.includes(p.name)),
    taken: new Set(
      (await rowsOf<{ n: string }>(conn, 'select normalised_name as n from organisations')).map((r) => r.n),
    ),
  };
  const demoIds = (await rowsOf<{ id: number }>(conn, 'select id from organisations order by id')).map((r) =>
    Number(r.id),
  );
  const dlrKey = normaliseOrganisationName('Deutsches Zentrum für Luft- und Raumfahrt e.V.');
  const top = (
    await rowsOf<{ id: number }>(
      conn,
      `select o.id from organisations o left join project_organisations po on po.organisation_id = o.id
       group by o.id order by (o.normalised_name = $1) desc, count(po.project_id) desc, o.id limit 5`,
      [dlrKey],
    )
  ).map((r) => Number(r.id));
  phase('read context');

  const dropped = await dropSecondaryIndexes(conn, tables);
  phase(`drop ${dropped.length} secondary indexes`);

  // Organisations, with their aliases and identifiers, batch by batch.
  const ids = new Int32Array(total);
  let aliasCount = 0;
  let identifierCount = 0;
  let samples: Partial<DirectorySamples> = {};
  const sampleAt = Math.floor(total * 0.37);
  let orgMs = 0;
  let extraMs = 0;
  for (let offset = 0; offset < total; offset += batch) {
    const n = Math.min(batch, total - offset);
    const drafts = Array.from({ length: n }, () => draftOrganisation(rng, ctx));
    const visibility = drafts.map(() => rng.weighted(organisationVisibility));
    let t = nowMs();
    const rows = await rowsOf<{ id: number }>(
      conn,
      `insert into organisations (name, normalised_name, type, country, city, region_id, visibility, provenance)
       select u.name, u.normalised, u.type::organisation_type, u.country, u.city, u.region_id, u.visibility::visibility,
         ${provenanceSql('u.ord', '$8::int')}
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
         with ordinality as u(name, normalised, type, country, city, region_id, visibility, ord)
       order by u.ord
       returning id`,
      [
        drafts.map((d) => d.name),
        drafts.map((d) => d.normalised),
        drafts.map((d) => d.type),
        drafts.map((d) => d.country),
        drafts.map((d) => d.city),
        drafts.map((d) => d.regionId),
        visibility,
        offset,
      ],
    );
    if (rows.length !== n) throw new Error(`Inserted ${rows.length} of ${n} organisations`);
    rows.forEach((r, i) => {
      ids[offset + i] = Number(r.id);
    });
    orgMs += nowMs() - t;

    const alias = { org: [] as number[], name: [] as string[], normalised: [] as string[] };
    const ident = { org: [] as number[], scheme: [] as string[], value: [] as string[] };
    drafts.forEach((d, i) => {
      const id = ids[offset + i] as number;
      const index = offset + i;
      const sample = index >= sampleAt && visibility[i] === 'public';
      const seen = new Set<string>();
      for (const a of aliasesOf(rng, d)) {
        const key = normaliseOrganisationName(a);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        alias.org.push(id);
        alias.name.push(a);
        alias.normalised.push(key);
      }
      if (rng.chance(0.1)) {
        ident.org.push(id);
        ident.scheme.push('pic');
        ident.value.push(String(880_000_000 + index));
        if (sample && !samples.pic) samples.pic = String(880_000_000 + index);
      }
      if (d.country === 'DE' && d.type === 'company' && rng.chance(0.2)) {
        ident.org.push(id);
        ident.scheme.push('register');
        ident.value.push(`Amtsgericht ${d.city} HRB ${10_000 + index}`);
      }
      if (rng.chance(0.15)) {
        ident.org.push(id);
        ident.scheme.push('website');
        const tld = ({ EL: 'gr' } as Record<string, string>)[d.country] ?? d.country.toLowerCase();
        ident.value.push(`https://www.${d.normalised.replace(/ /g, '-')}.${tld}`);
      }
      if (sample && !samples.name && d.country === 'DE' && d.short && d.name.split(' ').length >= 3) {
        samples = { ...samples, name: d.name, misspelt: misspell(d.name), short: d.short };
      }
      if (sample && !samples.italian && d.country === 'IT' && d.name.split(' ').length >= 3) {
        samples.italian = d.name;
      }
    });
    t = nowMs();
    if (alias.org.length > 0) {
      await conn.query(
        `insert into organisation_aliases (organisation_id, name, normalised_name)
         select * from unnest($1::int[], $2::text[], $3::text[])`,
        [alias.org, alias.name, alias.normalised],
      );
    }
    if (ident.org.length > 0) {
      await conn.query(
        `insert into organisation_identifiers (organisation_id, scheme, value, provenance)
         select u.org, u.scheme::identifier_scheme, u.value, ${provenanceSql('u.ord', '$4::int')}
         from unnest($1::int[], $2::text[], $3::text[]) with ordinality as u(org, scheme, value, ord)
         on conflict do nothing`,
        [ident.org, ident.scheme, ident.value, offset],
      );
    }
    extraMs += nowMs() - t;
    aliasCount += alias.org.length;
    identifierCount += ident.org.length;
    if ((offset + n) % (batch * 8) === 0 || offset + n === total) {
      log(`organisations ${(offset + n).toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
    }
  }
  ctx.taken.clear();
  phases.push({ phase: 'insert organisations', ms: orgMs }, { phase: 'insert aliases + identifiers', ms: extraMs });
  mark = nowMs();

  // Power-law participations: rank 1 is the DLR, ranks 2–5 the next largest real partners, the rest shuffled.
  const topSet = new Set(top);
  const rest = Int32Array.from([...demoIds.filter((id) => !topSet.has(id)), ...ids]);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = rest[i] as number;
    rest[i] = rest[j] as number;
    rest[j] = tmp;
  }
  const byRank = Int32Array.from([...top, ...rest]);
  let participations = 0;
  let projectMs = 0;
  let linkMs = 0;
  const projectBatch = Math.max(1_000, Math.round(batch / 2));
  for (let offset = 0; offset < projectCount; offset += projectBatch) {
    const n = Math.min(projectBatch, projectCount - offset);
    const p = Array.from({ length: n }, (_, i) => {
      const programme = rng.pick(programmes);
      const year = rng.int(2014, 2027);
      const t = `${rng.pick(heads)} ${rng.pick(topics)}${rng.chance(0.5) ? ` und ${rng.pick(topics)}` : ''}`;
      const visibility = rng.weighted([
        ['public', 95],
        ['internal', 4],
        ['restricted', 1],
      ] as const);
      return {
        programme,
        reference: `DIR-${offset + i + 1}`,
        title: t,
        status: rng.pick(statuses),
        visibility,
        start: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
        funding: Math.round(10 ** (4.5 + rng.next() * 2.5)) * 100,
      };
    });
    let t = nowMs();
    const rows = await rowsOf<{ id: number }>(
      conn,
      `insert into projects (programme_id, reference, title, status, visibility, start_date, funding_total_cents, search_text, provenance)
       select u.programme_id, u.reference, u.title, u.status::project_status, u.visibility::visibility, u.start::date,
         u.funding, u.title || ' ' || u.reference, ${provenanceSql('u.ord', '$8::int')}
       from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])
         with ordinality as u(programme_id, reference, title, status, visibility, start, funding, ord)
       order by u.ord
       returning id`,
      [
        p.map((x) => x.programme.id),
        p.map((x) => x.reference),
        p.map((x) => x.title),
        p.map((x) => x.status),
        p.map((x) => x.visibility),
        p.map((x) => x.start),
        p.map((x) => x.funding),
        offset,
      ],
    );
    projectMs += nowMs() - t;
    const link = { project: [] as number[], org: [] as number[], role: [] as string[], cents: [] as (number | null)[] };
    rows.forEach((r, i) => {
      const size = rng.weighted(consortium)(rng);
      const members = new Set<number>();
      for (let k = 0; k < size * 3 && members.size < size; k++) {
        members.add(byRank[zipf(rng, byRank.length, 0.75) - 1] as number);
      }
      let first = true;
      for (const org of members) {
        link.project.push(Number(r.id));
        link.org.push(org);
        link.role.push(first ? 'lead' : 'partner');
        link.cents.push(p[i]?.programme.eu ? Math.round(10 ** (4 + rng.next() * 2.5)) * 100 : null);
        first = false;
      }
    });
    t = nowMs();
    await conn.query(
      `insert into project_organisations (project_id, organisation_id, role, contribution_cents)
       select u.p, u.o, u.r::project_role, u.c from unnest($1::int[], $2::int[], $3::text[], $4::bigint[]) as u(p, o, r, c)`,
      [link.project, link.org, link.role, link.cents],
    );
    linkMs += nowMs() - t;
    participations += link.project.length;
    if ((offset + n) % (projectBatch * 10) === 0 || offset + n === projectCount) {
      log(`projects ${(offset + n).toLocaleString('en-US')} / ${projectCount.toLocaleString('en-US')}`);
    }
  }
  phases.push({ phase: 'insert projects', ms: projectMs }, { phase: 'insert participations', ms: linkMs });
  mark = nowMs();

  for (const index of dropped) await conn.query(index.def);
  phase(`rebuild ${dropped.length} indexes`);
  await conn.query('vacuum analyze');
  phase('VACUUM ANALYZE');

  const hubId = top[0] as number;
  const [hub] = await rowsOf<{ name: string; projects: number; partners: number }>(
    conn,
    `select (select name from organisations where id = $1) as name,
       (select count(*) from project_organisations where organisation_id = $1)::int as projects,
       (select count(distinct theirs.organisation_id) from project_organisations mine
        join project_organisations theirs on theirs.project_id = mine.project_id and theirs.organisation_id <> mine.organisation_id
        where mine.organisation_id = $1)::int as partners`,
    [hubId],
  );
  if (!samples.name || !samples.italian || !samples.pic) throw new Error('No sample organisations found');
  return {
    organisations: total,
    aliases: aliasCount,
    identifiers: identifierCount,
    projects: projectCount,
    participations,
    phases,
    ms: nowMs() - started,
    hub: { id: hubId, name: hub?.name ?? '?', projects: Number(hub?.projects), partners: Number(hub?.partners) },
    samples: samples as DirectorySamples,
  };
}
