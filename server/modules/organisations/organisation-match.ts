import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { normaliseOrganisationName } from './organisation-name';

export type NameMatch = { where: SQL; rank: SQL };

/** The smallest string after every string starting with `prefix` (byte order, for `collate "C"` ranges). */
export function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1) as number;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

const likeAny = (column: SQL, alternatives: string[]) =>
  sql`(${sql.join(
    alternatives.map((w) => sql`${column} like ${`%${w.replace(/[%_\\]/g, '\\$&')}%`}`),
    sql` or `,
  )})`;

/**
 * For each query word: itself when it occurs in the vocabulary of names, else its three nearest
 * vocabulary words by trigram distance — the correction of a misspelling ("raumfart" → "raumfahrt").
 */
async function correctWords(db: Db, words: string[]): Promise<string[][]> {
  const rows = await queryRows<{ i: number; known: boolean; near: string[] }>(
    db,
    sql.join(
      words.map(
        (w, i) => sql`(select ${i}::int as i,
          exists (select 1 from organisation_name_words where word like ${`%${w.replace(/[%_\\]/g, '\\$&')}%`}) as known,
          array(select word from organisation_name_words where word % ${w} order by word <-> ${w} limit 3) as near)`,
      ),
      sql` union all `,
    ),
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return words.map((w, i) => {
    const r = byIndex.get(i);
    return r && !r.known && r.near.length > 0 ? r.near : [w];
  });
}

/**
 * Name search that forgives: every word of 3+ letters as a substring of the folded name or of an
 * alias ("luft raumfahrt zentrum"), misspelt words corrected against the vocabulary of names
 * ("Raumfart"); a query of short words only ("tu") matches names starting with it. Each branch
 * is one index scan (trigram or `collate "C"`), united.
 */
export async function organisationNameMatch(db: Db, q: string): Promise<NameMatch | null> {
  const key = normaliseOrganisationName(q);
  if (key === '') return null;
  const rank = sql`greatest(similarity(organisations.normalised_name, ${key}),
    coalesce((select max(similarity(a.normalised_name, ${key})) from organisation_aliases a where a.organisation_id = organisations.id), 0))`;
  const words = [...new Set(key.split(' ').filter((w) => w.length >= 3))].slice(0, 8);
  if (words.length === 0) {
    const end = prefixEnd(key);
    const starts = (column: string) =>
      sql`${sql.raw(column)} collate "C" >= ${key} and ${sql.raw(column)} collate "C" < ${end}`;
    return {
      where: sql`organisations.id = any(array(
        select n.id from organisations n where ${starts('n.normalised_name')}
        union select a.organisation_id from organisation_aliases a where ${starts('a.normalised_name')}))`,
      rank,
    };
  }
  const terms = await correctWords(db, words);
  const all = (column: SQL) =>
    sql.join(
      terms.map((alternatives) => likeAny(column, alternatives)),
      sql` and `,
    );
  return {
    // = any(array(…)): the matches are fetched by primary key, not hash-joined against a scan of all.
    where: sql`organisations.id = any(array(
      select n.id from organisations n where ${all(sql`n.normalised_name`)}
      union select a.organisation_id from organisation_aliases a where ${all(sql`a.normalised_name`)}))`,
    rank,
  };
}
