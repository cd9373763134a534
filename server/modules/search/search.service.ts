import { sql } from 'drizzle-orm';
import type { SearchHit } from '../../../contracts/search';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { normaliseOrganisationName, organisationNameMatch } from '../organisations';
import { programmeVisibleSql, projectVisibleSql } from '../programmes';
import { toPrefixTsQuery } from '../projects';

type Row = { id: number; title: string; subtitle: string | null; score: number };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Wraps the words of the query found in the title (accent- and case-insensitively) in <mark>. */
export function highlight(title: string, q: string): string {
  const fold = (s: string) => normaliseOrganisationName(s);
  const words = fold(q)
    .split(' ')
    .filter((w) => w.length > 1);
  return title
    .split(/([^\p{L}\p{N}]+)/u)
    .map((part) => {
      const folded = fold(part);
      const hit = folded !== '' && words.some((w) => folded.startsWith(w) || w.startsWith(folded));
      return hit ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}

/** One box across programmes, organisations and projects, best matches of each kind, visible ones only. */
export async function search(db: Db, actor: Actor, q: string, limit: number): Promise<{ items: SearchHit[] }> {
  const tsQuery = toPrefixTsQuery(q);
  const orgMatch = organisationNameMatch(q);
  const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  const [programmes, organisations, projects] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select id, name as title, owner as subtitle, similarity(name, ${q}) as score from programmes
        where ${programmeVisibleSql(actor, 'programmes')} and (name ilike ${like} or slug ilike ${like} or similarity(name, ${q}) > 0.3)
        order by score desc, name limit ${limit}`,
    ),
    orgMatch
      ? queryRows<Row>(
          db,
          sql`select organisations.id, organisations.name as title,
              concat_ws(', ', organisations.city, organisations.country) as subtitle, ${orgMatch.rank} as score
            from organisations where ${orgMatch.where}
            order by score desc, organisations.name limit ${limit}`,
        )
      : Promise.resolve([]),
    tsQuery
      ? queryRows<Row>(
          db,
          sql`select projects.id, projects.title, pg.name as subtitle,
              ts_rank(projects.search_vector, to_tsquery('german'::regconfig, standort_unaccent(${tsQuery}))) as score
            from projects join programmes pg on pg.id = projects.programme_id
            where projects.search_vector @@ to_tsquery('german'::regconfig, standort_unaccent(${tsQuery}))
              and ${projectVisibleSql(actor, 'projects')}
            order by score desc, projects.title limit ${limit}`,
        )
      : Promise.resolve([]),
  ]);
  const hits = (kind: SearchHit['kind'], rows: Row[]) =>
    rows.map((r) => ({
      kind,
      id: Number(r.id),
      title: r.title,
      subtitle: r.subtitle,
      highlight: highlight(r.title, q),
      score: Number(r.score),
    }));
  return {
    items: [...hits('programme', programmes), ...hits('organisation', organisations), ...hits('project', projects)],
  };
}
