import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { regions } from './regions.table';

export type RegionLevel = (typeof regions.$inferSelect)['level'];
export type RegionDraft = {
  country: string;
  level: RegionLevel;
  code: string;
  name: string;
  nuts3?: string | null;
  parentId?: number | null;
  provenance: Provenance;
};

/** Inserts or updates regions by (country, level, code); returns code → id. Call rebuildRegionPaths after. */
export async function upsertRegions(tx: Db, drafts: RegionDraft[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(drafts)) {
    const rows = await tx
      .insert(regions)
      .values(part.map((d) => ({ ...d, nuts3: d.nuts3 ?? null, parentId: d.parentId ?? null, path: '' })))
      .onConflictDoUpdate({
        target: [regions.country, regions.level, regions.code],
        set: {
          name: sql`excluded.name`,
          nuts3: sql`excluded.nuts3`,
          parentId: sql`excluded.parent_id`,
          provenance: sql`excluded.provenance`,
        },
      })
      .returning({ id: regions.id, code: regions.code });
    for (const r of rows) ids.set(r.code, r.id);
  }
  return ids;
}

/** Recomputes the materialised id paths of all regions from their parents. */
export async function rebuildRegionPaths(tx: Db): Promise<void> {
  await tx.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT id, '/' || id || '/' AS p FROM regions WHERE parent_id IS NULL
      UNION ALL
      SELECT r.id, tree.p || r.id || '/' FROM regions r JOIN tree ON r.parent_id = tree.id
    )
    UPDATE regions SET path = tree.p FROM tree WHERE regions.id = tree.id AND regions.path <> tree.p`);
}

/** All region ids of one country keyed by "level:code", for resolving official keys during imports. */
export async function regionKeyIndex(db: Db, country: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: regions.id, level: regions.level, code: regions.code })
    .from(regions)
    .where(eq(regions.country, country));
  return new Map(rows.map((r) => [`${r.level}:${r.code}`, r.id]));
}

export type RegionRef = { id: number; name: string; level: RegionLevel };

/** Regions whose name matches, for pickers; exact-prefix matches first. */
export async function listRegions(
  db: Db,
  query: { q?: string | undefined; level?: RegionLevel | undefined; limit: number },
) {
  const filters = [];
  if (query.q) filters.push(ilike(regions.name, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`));
  if (query.level) filters.push(eq(regions.level, query.level));
  const items = await db
    .select({ id: regions.id, name: regions.name, level: regions.level, code: regions.code })
    .from(regions)
    .where(and(...filters))
    .orderBy(
      query.q ? sql`(${regions.name} ilike ${`${query.q.replace(/[%_\\]/g, '\\$&')}%`}) desc` : asc(regions.path),
      sql`array_position(array['state','region','admin_district','province','district','municipality']::region_level[], ${regions.level})`,
      asc(regions.name),
    )
    .limit(query.limit);
  return { items };
}

/** The region and its ancestors, from the top (state) down. */
export async function getRegionPath(db: Db, regionId: number): Promise<RegionRef[]> {
  const [row] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId));
  if (!row) return [];
  const ids = row.path.split('/').filter(Boolean).map(Number);
  const rows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One region with its official key and its ancestors; throws not_found. */
export async function getRegion(db: Db, id: number) {
  const [row] = await db
    .select({ id: regions.id, name: regions.name, level: regions.level, code: regions.code, nuts3: regions.nuts3 })
    .from(regions)
    .where(eq(regions.id, id));
  if (!row) throw new AppError('not_found', `Region ${id} wurde nicht gefunden.`);
  return { ...row, path: await getRegionPath(db, id) };
}
