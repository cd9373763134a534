import path from 'node:path';
import { DATA_DIR } from '../../config';
import type { Db } from '../../db/client';
import { type ImportResult, runImport } from './imports.service';

/** The demo dataset: real public data and the seed documents' facts, in dependency order. */
export const demoImports: [kind: string, file: string][] = [
  ['regions-de', path.join(DATA_DIR, 'admin-de', 'gemeinden_nrw.csv')],
  ['regions-it', path.join(DATA_DIR, 'admin-it', 'comuni_piemonte_istat_2020.csv')],
  ['nace', path.join(DATA_DIR, 'nace', 'nace_rev2_noga2008_de_en_fr_it.csv')],
  ['erdf-nrw-2007', path.join(DATA_DIR, 'erdf-nrw', 'erdf_nrw_2007_2013_beneficiaries.csv')],
  ['erdf-nrw-2014', path.join(DATA_DIR, 'erdf-nrw', 'erdf_nrw_2014_2020_operations.csv')],
  ['portfolio', path.join(DATA_DIR, 'seeds', 'portfolio.json')],
  ['cordis-h2020', path.join(DATA_DIR, 'cordis-h2020', 'projects.csv')],
  ['directory', path.join(DATA_DIR, 'seeds', 'directory.json')],
];

/** Loads whatever part of the demo dataset is not there yet, through the regular import code. */
export async function loadDemoData(db: Db, log: (message: string) => void = () => {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [kind, file] of demoImports) {
    const started = Date.now();
    const result = await runImport(db, kind, file);
    if (result.status === 'imported') {
      log(`Demo-Daten: ${kind} ← ${result.file}: ${result.rows} Zeilen in ${Date.now() - started} ms`);
    }
    results.push(result);
  }
  return results;
}
