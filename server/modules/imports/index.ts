/** Imports: every data file enters through one validating, all-or-nothing path — the demo data too. */
export { demoImports, loadDemoData } from './demo';
export type { RowError } from './importer';
export { type ImportOptions, type ImportResult, runImport } from './imports.service';
export { importers, importKinds } from './registry';
