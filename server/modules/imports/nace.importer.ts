import { z } from 'zod';
import { type NaceDraft, sentenceCase, upsertNaceCodes } from '../nace';
import { readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { validateRow } from './row-schema';

const rowSchema = z.object({
  level: z.enum(['1', '2', '3', '4'], { error: 'Ebene 1 bis 4' }).transform(Number),
  nace_code: z.string().regex(/^([A-U]|\d{2}(\.\d{1,2})?)$/, 'NACE-Code wie C, 28, 28.1 oder 28.11'),
  parent_nace_code: z.string(),
  section: z.string().regex(/^[A-U]$/, 'Abschnitt A bis U'),
  label_de: z.string().min(1, 'deutsche Bezeichnung fehlt'),
  label_en: z.string().min(1, 'englische Bezeichnung fehlt'),
  label_it: z.string().min(1, 'italienische Bezeichnung fehlt'),
});
type Row = NaceDraft & { row: number };

/** NACE Rev. 2 with German, English and Italian labels (NOGA 2008 list). */
export const naceImporter: Importer<Row> = {
  kind: 'nace',
  description: 'NACE Rev. 2 (CSV: level, nace_code, parent_nace_code, section, label_de, label_en, label_it)',
  async read(file) {
    const records: Row[] = [];
    const errors: RowError[] = [];
    const codes = new Set<string>();
    for await (const csvRow of readCsv(file)) {
      const r = validateRow(rowSchema, csvRow, errors);
      if (!r) continue;
      const row = csvRow.row;
      if (codes.has(r.nace_code)) {
        errors.push({ row, field: 'nace_code', reason: `${r.nace_code} kommt doppelt vor` });
        continue;
      }
      const parent = r.parent_nace_code === '' ? null : r.parent_nace_code;
      if (r.level > 1 && (parent === null || !codes.has(parent))) {
        errors.push({
          row,
          field: 'parent_nace_code',
          reason: `übergeordneter Code ${parent ?? '(leer)'} steht nicht davor`,
        });
        continue;
      }
      codes.add(r.nace_code);
      records.push({
        row,
        code: r.nace_code,
        level: r.level,
        parentCode: parent,
        section: r.section,
        labelDe: sentenceCase(r.label_de, 'de'),
        labelEn: sentenceCase(r.label_en, 'en'),
        labelIt: sentenceCase(r.label_it, 'it'),
      });
    }
    return { records, errors };
  },
  async write(tx, records) {
    await upsertNaceCodes(
      tx,
      records.map(({ row: _row, ...draft }) => draft),
    );
    return { codes: records.length };
  },
};
