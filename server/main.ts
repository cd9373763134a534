import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './database';
import { AppError } from './errors';
import { loadDemoData } from './modules/imports';

const WEB_DIR = path.resolve(import.meta.dirname, '..', 'dist', 'web');

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({
    db: database.db,
    logger: { level: config.logLevel },
    webDir: WEB_DIR,
    oidc: config.oidc,
    trustProxy: config.trustProxy,
  });
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  app.log.info(`Datenbank: ${where}, migriert`);
  if (config.loadDemo) await loadDemoData(database.db, (m) => app.log.info(m));

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: Standort wird beendet`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Standort bereit nach ${Date.now() - started} ms: http://localhost:${config.port}`);
}

main().catch((err: unknown) => {
  if (err instanceof AppError) console.error(`Standort kann nicht starten: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
