import { inArray, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { OrganisationType } from '../../../contracts/portfolio';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
import { organisations } from './organisations.table';

export type OrganisationDraft = {
  name: string;
  type?: OrganisationType;
  regionId?: number | null;
  provenance: Provenance;
};

/**
 * Finds or creates one organisation per normalised name; the first spelling seen becomes the
 * display name. Returns normalised name → id for every draft.
 */
export async function ensureOrganisations(tx: Db, drafts: OrganisationDraft[]): Promise<Map<string, number>> {
  const unique = new Map<string, OrganisationDraft>();
  for (const d of drafts) {
    const key = normaliseOrganisationName(d.name);
    if (!unique.has(key)) unique.set(key, d);
  }
  for (const part of chunks([...unique.entries()])) {
    await tx
      .insert(organisations)
      .values(
        part.map(([key, d]) => ({
          name: d.name.trim(),
          normalisedName: key,
          type: d.type ?? classifyOrganisation(d.name),
          regionId: d.regionId ?? null,
          provenance: d.provenance,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.normalisedName,
        // A source that knows the region fills it in; it never erases one.
        set: { regionId: sql`coalesce(${organisations.regionId}, excluded.region_id)` },
      });
  }
  const ids = new Map<string, number>();
  for (const part of chunks([...unique.keys()])) {
    const rows = await tx
      .select({ id: organisations.id, key: organisations.normalisedName })
      .from(organisations)
      .where(inArray(organisations.normalisedName, part));
    for (const r of rows) ids.set(r.key, r.id);
  }
  return ids;
}
