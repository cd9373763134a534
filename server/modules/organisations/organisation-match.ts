import { type SQL, sql } from 'drizzle-orm';
import { normaliseOrganisationName } from './organisation-name';

/**
 * Name search that forgives: every word as a substring of the folded name or an alias ("luft
 * raumfahrt zentrum"), or trigram similarity for misspellings ("Raumfart"). The candidates come
 * from four index scans (name and alias, words and similarity) united, so no row is scanned in vain.
 */
export function organisationNameMatch(q: string): { where: SQL; rank: SQL } | null {
  const key = normaliseOrganisationName(q);
  if (key === '') return null;
  const words = key.split(' ').slice(0, 8);
  const allWords = (column: SQL) =>
    sql.join(
      words.map((w) => sql`${column} like ${`%${w}%`}`),
      sql` and `,
    );
  const where = sql`organisations.id in (
    select n.id from organisations n where ${allWords(sql`n.normalised_name`)}
    union select s.id from organisations s where s.normalised_name % ${key}
    union select a.organisation_id from organisation_aliases a where ${allWords(sql`a.normalised_name`)}
    union select b.organisation_id from organisation_aliases b where b.normalised_name % ${key})`;
  const rank = sql`greatest(similarity(organisations.normalised_name, ${key}),
    coalesce((select max(similarity(a.normalised_name, ${key})) from organisation_aliases a where a.organisation_id = organisations.id), 0))`;
  return { where, rank };
}
