import { sql } from 'drizzle-orm';
import type { Suggestion } from '../../../contracts/search';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { normaliseOrganisationName, prefixEnd } from '../organisations';
import { organisationVisibleSql, programmeVisibleSql } from '../programmes';

type Row = { kind: Suggestion['kind']; id: number; title: string; subtitle: string | null };

/**
 * Autocomplete as you type: names starting with the input first (a range scan of the "C"-collated
 * name index), then names with a word starting with it (trigram index), then people and
 * programmes. Every branch stops at `limit`, so the cost does not grow with the directory.
 */
export async function suggest(
  db: Db,
  actor: Actor,
  query: { q: string; limit: number },
): Promise<{ items: Suggestion[] }> {
  const key = normaliseOrganisationName(query.q);
  if (key === '') return { items: [] };
  const end = prefixEnd(key);
  const n = query.limit;
  const wordPattern = `% ${key}%`;
  const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
  const rows = await queryRows<Row & { branch: number }>(
    db,
    sql`with prefix as (
        (select 1 as branch, o.id, o.name as title, concat_ws(', ', o.city, o.country) as subtitle
          from organisations o
          where o.normalised_name collate "C" >= ${key} and o.normalised_name collate "C" < ${end}
            and ${organisationVisibleSql(actor, 'o')}
          order by o.normalised_name collate "C" limit ${n})
        union all
        (select 2, o.id, o.name, concat_ws(', ', o.city, o.country)
          from organisation_aliases a join organisations o on o.id = a.organisation_id
          where a.normalised_name collate "C" >= ${key} and a.normalised_name collate "C" < ${end}
            and ${organisationVisibleSql(actor, 'o')}
          order by a.normalised_name collate "C" limit ${n}))
      select branch, 'organisation' as kind, id, title, subtitle from prefix
      union all
      -- Word starts only when the name starts did not fill the list: never a scan too many.
      (select 3, 'organisation', o.id, o.name, concat_ws(', ', o.city, o.country)
        from organisations o where o.normalised_name like ${wordPattern} and ${organisationVisibleSql(actor, 'o')}
          and (select count(distinct id) from prefix) < ${n}
        limit ${n})
      union all
      (select 4, 'person', pe.id, pe.name, null
        from people pe where (pe.normalised_name like ${`${key}%`} or pe.normalised_name like ${wordPattern})
          and ${organisationVisibleSql(actor, 'pe', null)} limit ${n})
      union all
      (select 5, 'programme', pg.id, pg.name, pg.owner from programmes pg
        where (pg.name ilike ${like} or pg.slug ilike ${like}) and ${programmeVisibleSql(actor, 'pg')} limit ${n})`,
  );
  const seen = new Set<string>();
  const items: Suggestion[] = [];
  for (const r of [...rows].sort((a, b) => Number(a.branch) - Number(b.branch))) {
    const id = `${r.kind}:${r.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ kind: r.kind, id: Number(r.id), title: r.title, subtitle: r.subtitle || null });
  }
  return { items: items.slice(0, n) };
}
