import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './database';
import { AppError } from './errors';
import { importers, importKinds, loadDemoData, type RowError, runImport } from './modules/imports';

const usage = `Standort — Befehle

  npm run cli -- import <art> <datei> [--dry-run]   Datei importieren (alles oder nichts)
  npm run cli -- seed                              Demo-Daten laden (was noch fehlt)
  npm run cli -- migrate                           Datenbank migrieren

Importarten:
${importKinds.map((k) => `  ${k.padEnd(16)} ${importers[k]?.description ?? ''}`).join('\n')}

Datenbank: DATABASE_URL (PostgreSQL) oder STANDORT_DATA_DIR (eingebettet, Standard ./.standort).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (!['import', 'seed', 'migrate'].includes(command)) {
    console.error(`Unbekannter Befehl „${command}“.\n\n${usage}`);
    return 1;
  }
  if (command === 'import' && rest.length !== 2) {
    console.error(`import braucht <art> und <datei>.\n\n${usage}`);
    return 1;
  }

  const database = await openConfiguredDatabase(loadConfig());
  try {
    if (command === 'migrate') {
      console.log('Datenbank ist migriert.');
    } else if (command === 'seed') {
      await loadDemoData(database.db, (m) => console.log(m));
      console.log('Demo-Daten sind vollständig.');
    } else {
      const [kind, file] = rest as [string, string];
      const result = await runImport(database.db, kind, file, {
        dryRun: values['dry-run'],
        onProgress: (phase, detail) =>
          console.log(`… ${phase === 'read' ? 'prüfe' : phase === 'write' ? 'schreibe' : 'fertig'}: ${detail}`),
      });
      if (result.status === 'unchanged')
        console.log(`${result.file} wurde bereits unverändert importiert — nichts zu tun.`);
      else if (values['dry-run']) console.log(`Probelauf: ${result.rows} Zeilen fehlerfrei, nichts geschrieben.`);
      else console.log(`Importiert: ${result.rows} Zeilen — ${JSON.stringify(result.summary)}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

function report(err: unknown): void {
  if (!(err instanceof AppError)) {
    console.error(err);
    return;
  }
  console.error(`Fehler (${err.code}): ${err.message}`);
  const errors = (err.details as { errors?: RowError[] } | undefined)?.errors ?? [];
  for (const e of errors) console.error(`  Zeile ${e.row}, ${e.field}: ${e.reason}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    report(err);
    process.exit(1);
  },
);
