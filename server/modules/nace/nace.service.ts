import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { NaceCodeItem } from '../../../contracts/nace';
import type { Db } from '../../db/client';
import { naceCodes } from './nace.table';

export type NaceDraft = typeof naceCodes.$inferInsert;

/** Inserts or updates NACE codes (labels may be corrected by a later list). */
export async function upsertNaceCodes(db: Db, drafts: NaceDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await db
    .insert(naceCodes)
    .values(drafts)
    .onConflictDoUpdate({
      target: naceCodes.code,
      set: {
        level: sql`excluded.level`,
        parentCode: sql`excluded.parent_code`,
        section: sql`excluded.section`,
        labelDe: sql`excluded.label_de`,
        labelEn: sql`excluded.label_en`,
        labelIt: sql`excluded.label_it`,
      },
    });
}

export const toNaceItem = (r: typeof naceCodes.$inferSelect): NaceCodeItem => ({
  code: r.code,
  level: r.level,
  parentCode: r.parentCode,
  section: r.section,
  labels: { de: r.labelDe, en: r.labelEn, it: r.labelIt },
});

/** Codes by label (any language) or code prefix, or the children of a code, for pickers and facets. */
export async function listNace(
  db: Db,
  query: { q?: string; level?: number; parent?: string; limit: number },
): Promise<{ items: NaceCodeItem[] }> {
  const filters: SQL[] = [];
  if (query.level) filters.push(eq(naceCodes.level, query.level));
  if (query.parent) filters.push(eq(naceCodes.parentCode, query.parent));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    filters.push(sql`(${naceCodes.code} like ${`${query.q.toUpperCase()}%`}
      or standort_unaccent(${naceCodes.labelDe} || ' ' || ${naceCodes.labelEn} || ' ' || ${naceCodes.labelIt}) ilike standort_unaccent(${like}))`);
  }
  const rows = await db
    .select()
    .from(naceCodes)
    .where(and(...filters))
    .orderBy(asc(naceCodes.level), asc(naceCodes.code))
    .limit(query.limit);
  return { items: rows.map(toNaceItem) };
}

/** The codes that exist among the given ones (to name the unknown ones in a validation error). */
export async function existingNaceCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: naceCodes.code })
    .from(naceCodes)
    .where(
      sql`${naceCodes.code} in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  return new Set(rows.map((r) => r.code));
}
