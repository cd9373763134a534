import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import { rebuildRegionPaths, upsertRegions } from '../regions';
import { readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { validateRow } from './row-schema';

const rowSchema = z.object({
  istat_code: z.string().regex(/^\d{6}$/, 'ISTAT-Code muss 6 Ziffern haben'),
  name: z.string().min(1, 'Name fehlt'),
  provincia_code: z.string().regex(/^\d{3}$/, 'Provinzcode muss 3 Ziffern haben'),
  provincia_name: z.string().min(1, 'Provinzname fehlt'),
  regione_code: z.string().regex(/^\d{2}$/, 'Regionscode muss 2 Ziffern haben'),
  regione_name: z.string().min(1, 'Regionsname fehlt'),
});
type Row = z.infer<typeof rowSchema> & { row: number };

/** Italian municipalities (ISTAT comuni CSV) → regione › provincia › comune. */
export const regionsItImporter: Importer<Row> = {
  kind: 'regions-it',
  description: 'Comuni Italiens (ISTAT-CSV: istat_code, name, provincia_code, provincia_name, regione_code …)',
  async read(file) {
    const records: Row[] = [];
    const errors: RowError[] = [];
    const seen = new Set<string>();
    for await (const csvRow of readCsv(file)) {
      const row = csvRow.row;
      const r = validateRow(rowSchema, csvRow, errors);
      if (!r) continue;
      if (seen.has(r.istat_code))
        errors.push({ row, field: 'istat_code', reason: `ISTAT-Code ${r.istat_code} kommt doppelt vor` });
      else if (!r.istat_code.startsWith(r.provincia_code)) {
        errors.push({ row, field: 'provincia_code', reason: `passt nicht zum ISTAT-Code ${r.istat_code}` });
      } else records.push({ ...r, row });
      seen.add(r.istat_code);
    }
    return { records, errors };
  },
  async write(tx, records, ctx) {
    const prov = (row: number): Provenance => ({ kind: 'import', importKind: 'regions-it', file: ctx.fileName, row });
    const unique = <T extends { code: string }>(items: T[]) => [...new Map(items.map((i) => [i.code, i])).values()];
    const regionIds = await upsertRegions(
      tx,
      unique(
        records.map((r) => ({
          country: 'IT',
          level: 'region' as const,
          code: r.regione_code,
          name: r.regione_name,
          provenance: prov(r.row),
        })),
      ),
    );
    const provinces = await upsertRegions(
      tx,
      unique(
        records.map((r) => ({
          country: 'IT',
          level: 'province' as const,
          code: r.provincia_code,
          name: r.provincia_name,
          parentId: regionIds.get(r.regione_code) ?? null,
          provenance: prov(r.row),
        })),
      ),
    );
    await upsertRegions(
      tx,
      records.map((r) => ({
        country: 'IT',
        level: 'municipality' as const,
        code: r.istat_code,
        name: r.name,
        parentId: provinces.get(r.provincia_code) ?? null,
        provenance: prov(r.row),
      })),
    );
    await rebuildRegionPaths(tx);
    return { regions: regionIds.size, provinces: provinces.size, municipalities: records.length };
  },
};
