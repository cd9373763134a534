/** Imports: every data file enters through one validating, all-or-nothing path — the demo data too. */
export { demoImports, loadDemoData } from './demo';
export { canImportGrants } from './grant-import.service';
export { GRANT_IMPORT_KIND, grantImporter } from './grants.importer';
export type { RowError } from './importer';
export { importRoutes } from './imports.routes';
export { type ImportOptions, type ImportResult, runImport } from './imports.service';
export { importers, importKinds } from './registry';
