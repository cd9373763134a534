/**
 * Builds one target's test templates in a child process of global-setup.ts, so the build runs beside
 * the first test files and can be stopped when no test needs it:
 *   build-template.ts pglite <dir>                 → <dir>/pglite-empty.tar, <dir>/pglite-demo.tar
 *   build-template.ts postgres <adminUrl> <name>   → database <name> with the demo data
 */
import { buildPgliteTemplates, buildPostgresTemplate } from './templates';

const [target, first, second] = process.argv.slice(2);
if (target === 'pglite' && first) await buildPgliteTemplates(first);
else if (target === 'postgres' && first && second) await buildPostgresTemplate(first, second);
else
  throw new Error(`usage: build-template.ts pglite <dir> | postgres <adminUrl> <name> (got ${process.argv.slice(2)})`);
