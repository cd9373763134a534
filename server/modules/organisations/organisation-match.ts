import { type SQL, sql } from 'drizzle-orm';
import { normaliseOrganisationName } from './organisation-name';

/**
 * Name search that forgives: every word as a substring of the folded name or an alias ("luft
 * raumfahrt zentrum"), or trigram similarity for misspellings ("Raumfart"). Both use the trigram indexes.
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
  const alias = sql`select 1 from organisation_aliases a where a.organisation_id = organisations.id`;
  const where = sql`(${allWords(sql`organisations.normalised_name`)}
    or organisations.normalised_name % ${key}
    or exists (${alias} and (${allWords(sql`a.normalised_name`)} or a.normalised_name % ${key})))`;
  const rank = sql`greatest(similarity(organisations.normalised_name, ${key}),
    coalesce((select max(similarity(a.normalised_name, ${key})) from organisation_aliases a where a.organisation_id = organisations.id), 0))`;
  return { where, rank };
}
