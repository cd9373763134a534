import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, textArray } from '../../db/client';
import { normaliseOrganisationName } from './organisation-name';

export type NameMatch = { where: SQL; rank: SQL };

/** The smallest string after every string starting with `prefix` (byte order, for `collate "C"` ranges). */
export function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1) as number;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/** A query word matches at most this many name words containing it (the shortest first). */
export const WORD_EXPANSION_LIMIT = 200;

const escapeLike = (w: string) => w.replace(/[%_\\]/g, '\\$&');

/**
 * For each query word, the name words it stands for: the words of the vocabulary of names that
 * contain it ("raumfahrt" → "raumfahrt", "raumfahrtagentur"), or — when none does — its three
 * nearest vocabulary words by trigram distance, the correction of a misspelling ("raumfart").
 */
async function expandWords(db: Db, words: string[]): Promise<string[][]> {
  const rows = await queryRows<{ i: number; containing: string[]; near: string[] }>(
    db,
    sql.join(
      words.map(
        (w, i) => sql`(select ${i}::int as i,
          array(select word from organisation_name_words where word like ${`%${escapeLike(w)}%`}
            order by length(word), word limit ${WORD_EXPANSION_LIMIT}) as containing,
          array(select word from organisation_name_words where word % ${w} order by word <-> ${w} limit 3) as near)`,
      ),
      sql` union all `,
    ),
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return words.map((w, i) => {
    const r = byIndex.get(i);
    if (r && r.containing.length > 0) return r.containing;
    return r && r.near.length > 0 ? r.near : [w];
  });
}

/**
 * Name search that forgives: every word of 3+ letters as a part of a word of the folded name or
 * of an alias ("luft raumfahrt zentrum"), misspelt words corrected against the vocabulary of names
 * ("Raumfart"); a query of short words only ("tu") matches names starting with it. Words are
 * looked up in `organisations.name_words` (one GIN index), so the planner can walk the names in
 * order when a word is common ("GmbH") and fetch the few matches when it is rare.
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
  const terms = await expandWords(db, words);
  return {
    where: sql.join(
      terms.map((alternatives) => sql`organisations.name_words && ${textArray(alternatives)}`),
      sql` and `,
    ),
    rank,
  };
}
