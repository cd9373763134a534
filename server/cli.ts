import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createUserSchema } from '../contracts/accounts';
import { type GrantImportSummary, grantImportMappingSchema } from '../contracts/grant-import';
import { progressBar } from './cli-progress';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './database';
import { AppError } from './errors';
import { createUser, systemActor } from './modules/accounts';
import { formatEuroExactDe } from './modules/funding';
import {
  GRANT_IMPORT_KIND,
  grantImporter,
  importers,
  importKinds,
  loadDemoData,
  type RowError,
  runImport,
} from './modules/imports';

const usage = `Standort — Befehle

  npm run cli -- import <art> <datei> [--dry-run]   Datei importieren (alles oder nichts)
  npm run cli -- import grants <datei.csv|xlsx> --mapping zuordnung.json [--dry-run]
                                                   Förderungen mit Spaltenzuordnung importieren
  npm run cli -- seed                              Demo-Daten laden (was noch fehlt)
  npm run cli -- migrate                           Datenbank migrieren
  npm run cli -- users create --email E --name N --role admin [--password P]
                                                   Konto anlegen (ohne --password: Abfrage)

Importarten:
${importKinds.map((k) => `  ${k.padEnd(16)} ${importers[k]?.description ?? ''}`).join('\n')}

Datenbank: DATABASE_URL (PostgreSQL) oder STANDORT_DATA_DIR (eingebettet, Standard ./.standort).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      mapping: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      password: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (!['import', 'seed', 'migrate', 'users'].includes(command)) {
    console.error(`Unbekannter Befehl „${command}“.\n\n${usage}`);
    return 1;
  }
  if (command === 'users' && (rest[0] !== 'create' || !values.email || !values.name)) {
    console.error(`users create braucht --email und --name.\n\n${usage}`);
    return 1;
  }
  if (command === 'import' && rest.length !== 2) {
    console.error(`import braucht <art> und <datei>.\n\n${usage}`);
    return 1;
  }
  if (command === 'import' && (rest[0] === GRANT_IMPORT_KIND) !== (values.mapping !== undefined)) {
    console.error(`--mapping gehört zu (und nur zu) import ${GRANT_IMPORT_KIND}.\n\n${usage}`);
    return 1;
  }
  const mapping = values.mapping === undefined ? undefined : readMapping(values.mapping);

  const database = await openConfiguredDatabase(loadConfig());
  try {
    if (command === 'users') {
      const password = values.password ?? (await promptHidden('Passwort (mindestens 12 Zeichen): '));
      const input = createUserSchema.safeParse({
        email: values.email,
        name: values.name,
        password,
        roles: (values.role ?? []).map((role) => ({ role })),
      });
      if (!input.success) {
        throw new AppError(
          'validation_failed',
          input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      const user = await createUser(database.db, { ...systemActor, via: 'cli' }, input.data);
      console.log(
        `Konto ${user.id} angelegt: ${user.email} (${user.roles.map((r) => r.role).join(', ') || 'ohne Rolle'})`,
      );
    } else if (command === 'migrate') {
      console.log('Datenbank ist migriert.');
    } else if (command === 'seed') {
      await loadDemoData(database.db, (m) => console.log(m));
      console.log('Demo-Daten sind vollständig.');
    } else {
      const [kind, file] = rest as [string, string];
      const actor = { ...systemActor, via: 'cli' as const };
      const result = await runImport(database.db, mapping ? grantImporter(mapping, actor) : kind, file, {
        actor,
        dryRun: values['dry-run'],
        onProgress: (phase, detail) =>
          console.log(`… ${phase === 'read' ? 'prüfe' : phase === 'write' ? 'schreibe' : 'fertig'}: ${detail}`),
        onRows: progressBar(),
      });
      if (result.status === 'unchanged')
        console.log(`${result.file} wurde bereits unverändert importiert — nichts zu tun.`);
      else if (values['dry-run']) console.log(`Probelauf: ${result.rows} Zeilen fehlerfrei, nichts geschrieben.`);
      else console.log(`Importiert: ${result.rows} Zeilen — ${JSON.stringify(result.summary)}`);
      if (result.status === 'imported' && result.preview) printGrantSummary(result.preview as GrantImportSummary);
    }
    return 0;
  } finally {
    await database.close();
  }
}

/** The column mapping of a grant import, checked against its contract (errors name the field). */
function readMapping(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('validation_failed', `Zuordnung ${file} ist kein lesbares JSON: ${(err as Error).message}`);
  }
  const parsed = grantImportMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      `Zuordnung ${file} ungültig: ${parsed.error.issues.map((i) => `mapping.${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

function printGrantSummary(s: GrantImportSummary): void {
  console.log(`  Förderungen ${s.grants}, Finanzierungszeilen ${s.lines}`);
  console.log(`  Projekte: ${s.projects.new} neu, ${s.projects.existing} bestehend`);
  console.log(`  Organisationen: ${s.organisations.new} neu, ${s.organisations.existing} bestehend`);
  for (const p of s.programmes)
    console.log(`  Programm ${p.name}: ${p.grants} Förderungen, ${formatEuroExactDe(p.amountCents)}`);
  for (const a of s.amountBySource) console.log(`  ${a.source} / ${a.kind}: ${formatEuroExactDe(a.amountCents)}`);
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) process.stdout.write(s);
    asked = true;
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
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
