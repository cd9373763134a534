import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import { type RegionDraft, rebuildRegionPaths, upsertRegions } from '../regions';
import { readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { validateRow } from './row-schema';

const rowSchema = z.object({
  ags: z.string().regex(/^\d{8}$/, 'AGS muss 8 Ziffern haben'),
  name: z.string().min(1, 'Name fehlt'),
  kreis_ags: z.string().regex(/^\d{5}$/, 'Kreisschlüssel muss 5 Ziffern haben'),
  kreis_name: z.string().min(1, 'Kreisname fehlt'),
  kreis_bez: z.string(),
  regbez_code: z.string().regex(/^\d{3}$/, 'Regierungsbezirksschlüssel muss 3 Ziffern haben'),
  regbez_name: z.string(),
  land_code: z.string().regex(/^\d{2}$/, 'Landesschlüssel muss 2 Ziffern haben'),
  land_name: z.string().min(1, 'Landesname fehlt'),
  nuts3: z.string().regex(/^DE[0-9A-Z]{3}$/, 'NUTS-3-Code ungültig'),
});
type Row = z.infer<typeof rowSchema> & { row: number };

/** German municipalities (VG5000 Gemeinden CSV) → Land › Regierungsbezirk › Kreis › Gemeinde. */
export const regionsDeImporter: Importer<Row> = {
  kind: 'regions-de',
  description: 'Gemeinden Deutschlands (VG5000-CSV: ags, name, kreis_ags, regbez_code, land_code, nuts3 …)',
  async read(file) {
    const records: Row[] = [];
    const errors: RowError[] = [];
    const seen = new Set<string>();
    for await (const csvRow of readCsv(file)) {
      const row = csvRow.row;
      const r = validateRow(rowSchema, csvRow, errors);
      if (!r) continue;
      if (seen.has(r.ags)) errors.push({ row, field: 'ags', reason: `AGS ${r.ags} kommt doppelt vor` });
      else if (!r.ags.startsWith(r.kreis_ags)) {
        errors.push({ row, field: 'kreis_ags', reason: `passt nicht zum AGS ${r.ags}` });
      } else records.push({ ...r, row });
      seen.add(r.ags);
    }
    return { records, errors };
  },
  async write(tx, records, ctx) {
    const prov = (row: number): Provenance => ({ kind: 'import', importKind: 'regions-de', file: ctx.fileName, row });
    const byCode = <T extends { code: string }>(items: T[]) => [...new Map(items.map((i) => [i.code, i])).values()];

    const states = await upsertRegions(
      tx,
      byCode(
        records.map((r) => ({
          country: 'DE',
          level: 'state' as const,
          code: r.land_code,
          name: r.land_name,
          provenance: prov(r.row),
        })),
      ),
    );
    const adminDistricts = await upsertRegions(
      tx,
      byCode(
        records
          .filter((r) => r.regbez_name !== '')
          .map((r) => ({
            country: 'DE',
            level: 'admin_district' as const,
            code: r.regbez_code,
            name: r.regbez_name,
            parentId: states.get(r.land_code) ?? null,
            provenance: prov(r.row),
          })),
      ),
    );
    const districts = await upsertRegions(
      tx,
      byCode(
        records.map(
          (r): RegionDraft => ({
            country: 'DE',
            level: 'district',
            code: r.kreis_ags,
            name: r.kreis_name,
            nuts3: r.nuts3,
            parentId: adminDistricts.get(r.regbez_code) ?? states.get(r.land_code) ?? null,
            provenance: prov(r.row),
          }),
        ),
      ),
    );
    await upsertRegions(
      tx,
      records.map((r) => ({
        country: 'DE',
        level: 'municipality' as const,
        code: r.ags,
        name: r.name,
        nuts3: r.nuts3,
        parentId: districts.get(r.kreis_ags) ?? null,
        provenance: prov(r.row),
      })),
    );
    await rebuildRegionPaths(tx);
    return {
      states: states.size,
      adminDistricts: adminDistricts.size,
      districts: districts.size,
      municipalities: records.length,
    };
  },
};
