import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Database, openDatabase } from '../server/db/client';
import { organisationIdentifiers, organisations, regions } from '../server/db/schema';
import { demoImports, runImport } from '../server/modules/imports';
import { adminQuery, databaseUrl } from '../server/test/templates';

/** What the CORDIS importer needs before it: the regions its municipality keys point at, and NACE. */
const prerequisites = ['regions-de', 'regions-it', 'nace'];

export type EvalDatabase = { database: Database; drop(): Promise<void> };

/**
 * A fresh, migrated database: in-memory PGlite, or — with the URL of a PostgreSQL server — a new
 * database on that server, dropped again by `drop`.
 */
export async function openEvalDatabase(postgresAdminUrl: string | undefined): Promise<EvalDatabase> {
  if (!postgresAdminUrl) {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `standort_eval_${randomBytes(6).toString('hex')}`;
  await adminQuery(postgresAdminUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(postgresAdminUrl, name) });
  const drop = async () => {
    await database.close();
    await adminQuery(postgresAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await database.migrate();
  } catch (err) {
    await drop();
    throw err;
  }
  return { database, drop };
}

/** Imports the prerequisites (as the demo does) and the CORDIS copy in `cordisDir`, through the regular import runner. */
export async function importTrainingData(
  database: Database,
  cordisDir: string,
  log: (message: string) => void,
): Promise<void> {
  const files: [kind: string, file: string][] = [
    ...demoImports.filter(([kind]) => prerequisites.includes(kind)),
    ['cordis-h2020', path.join(cordisDir, 'projects.csv')],
  ];
  for (const [kind, file] of files) {
    const started = Date.now();
    const result = await runImport(database.db, kind, file);
    const rows = result.status === 'imported' ? `${result.rows} rows` : result.status;
    log(`  ${kind} ← ${path.basename(file)}: ${rows} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

export type OrganisationFacts = {
  type: string;
  country: string | null;
  /** 'DE' or 'IT' when the organisation lies in an imported region (NRW or Piemonte). */
  regionCountry: string | null;
};

/** PIC → organisation id (identifiers of scheme 'pic') and what the slices need to know of each organisation. */
export async function readOrganisations(database: Database) {
  const picRows = await database.db
    .select({ pic: organisationIdentifiers.value, organisationId: organisationIdentifiers.organisationId })
    .from(organisationIdentifiers)
    .where(eq(organisationIdentifiers.scheme, 'pic'));
  const orgRows = await database.db
    .select({
      id: organisations.id,
      type: organisations.type,
      country: organisations.country,
      regionCountry: regions.country,
    })
    .from(organisations)
    .leftJoin(regions, eq(regions.id, organisations.regionId));
  return {
    organisationOfPic: new Map(picRows.map((r) => [r.pic, r.organisationId])),
    facts: new Map<number, OrganisationFacts>(
      orgRows.map((r) => [r.id, { type: r.type, country: r.country, regionCountry: r.regionCountry }]),
    ),
  };
}
