import { eq, inArray, sql } from 'drizzle-orm';
import type { OrganisationListItem } from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../accounts';
import { organisationVisibleSql } from '../programmes';
import { toListItem } from './directory.service';
import { organisations } from './organisations.table';

type Reason = 'similar_name' | 'same_city' | 'same_short_name' | 'same_website' | 'same_register';
type Pair = {
  a: number;
  b: number;
  similarity: number;
  same_city: boolean;
  same_short: boolean;
  same_website: boolean;
  same_register: boolean;
};

/** Names sharing a key (first word, longest word) are compared pairwise; keys shared by more are too common to tell. */
const BLOCK_LIMIT = 300;

/**
 * Pairs of organisations that may be one: folded names at least `threshold` similar (trigram
 * similarity within blocks of names sharing their first or longest word), or the same website
 * domain or register number written differently; the same city or short name strengthens a pair.
 */
export async function suggestDuplicates(
  db: Db,
  actor: Actor,
  query: { limit: number; threshold: number; country?: string },
) {
  const country = query.country ? sql`and a.country = ${query.country}` : sql``;
  const pairs = await queryRows<Pair>(
    db,
    sql`with ident as (
        select organisation_id, scheme,
          case scheme when 'website' then regexp_replace(lower(value), '^([a-z]+://)?(www[.])?([^/:?#]+).*$', '\\3')
            else regexp_replace(lower(value), '[^a-z0-9]', '', 'g') end as key
        from organisation_identifiers where scheme in ('website', 'register')),
      shared as (
        select x.organisation_id as a, y.organisation_id as b,
          bool_or(x.scheme = 'website') as same_website, bool_or(x.scheme = 'register') as same_register
        from ident x join ident y on y.scheme = x.scheme and y.key = x.key and y.organisation_id > x.organisation_id
        group by 1, 2),
      name_keys as (
        select id, split_part(normalised_name, ' ', 1) as k from organisations
        union
        select id, (select w from unnest(string_to_array(normalised_name, ' ')) w order by length(w) desc, w limit 1)
        from organisations),
      blocks as (select k from name_keys where length(k) >= 3 group by k having count(*) between 2 and ${BLOCK_LIMIT}),
      similar_names as (
        select distinct x.id as a, y.id as b
        from blocks join name_keys x on x.k = blocks.k join name_keys y on y.k = blocks.k and y.id > x.id
        join organisations a on a.id = x.id join organisations b on b.id = y.id
        where coalesce(a.country, '') = coalesce(b.country, '')
          and similarity(a.normalised_name, b.normalised_name) >= ${query.threshold}),
      candidates as (select a, b from similar_names union select a, b from shared)
      select a.id as a, b.id as b, similarity(a.normalised_name, b.normalised_name) as similarity,
        coalesce(lower(a.city) = lower(b.city), false) as same_city,
        coalesce(lower(a.short_name) = lower(b.short_name), false) as same_short,
        coalesce(s.same_website, false) as same_website, coalesce(s.same_register, false) as same_register
      from candidates c join organisations a on a.id = c.a join organisations b on b.id = c.b
      left join shared s on s.a = c.a and s.b = c.b
      where ${organisationVisibleSql(actor, 'a')} and ${organisationVisibleSql(actor, 'b')} ${country}
      order by coalesce(s.same_register or s.same_website, false) desc,
        similarity(a.normalised_name, b.normalised_name) + case when lower(a.city) = lower(b.city) then 0.1 else 0 end desc, a.id
      limit ${query.limit}`,
  );
  const ids = [...new Set(pairs.flatMap((p) => [Number(p.a), Number(p.b)]))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: organisations.id,
            name: organisations.name,
            shortName: organisations.shortName,
            type: organisations.type,
            country: organisations.country,
            city: organisations.city,
            visibility: organisations.visibility,
            regionId: regions.id,
            regionName: regions.name,
            regionLevel: regions.level,
            projectCount:
              sql<number>`(select count(*) from project_organisations po where po.organisation_id = organisations.id)`.mapWith(
                Number,
              ),
          })
          .from(organisations)
          .leftJoin(regions, eq(regions.id, organisations.regionId))
          .where(inArray(organisations.id, ids));
  const byId = new Map<number, OrganisationListItem>(rows.map((r) => [r.id, toListItem(r)]));
  return {
    items: pairs.flatMap((p) => {
      const a = byId.get(Number(p.a));
      const b = byId.get(Number(p.b));
      if (!a || !b) return [];
      const reasons: Reason[] = [];
      if (Number(p.similarity) >= query.threshold) reasons.push('similar_name');
      if (p.same_website) reasons.push('same_website');
      if (p.same_register) reasons.push('same_register');
      if (p.same_city) reasons.push('same_city');
      if (p.same_short) reasons.push('same_short_name');
      const identical = p.same_website || p.same_register;
      const score = identical
        ? 1
        : Math.min(1, Number(p.similarity) + (p.same_city ? 0.1 : 0) + (p.same_short ? 0.1 : 0));
      return [{ a, b, score: Math.round(score * 1000) / 1000, reasons }];
    }),
  };
}
