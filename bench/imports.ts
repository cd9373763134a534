/**
 * Import benchmark: the generic grant import (dry-run and commit) of a generated 100,000-row CSV —
 * ~30,000 grants of ~20,000 projects to ~10,000 organisations, several lines per grant — on PGlite
 * and PostgreSQL. Target: commit under 60 s.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { grantImportMappingSchema } from '../contracts/grant-import';
import { openDatabase } from '../server/db/client';
import { systemActor } from '../server/modules/accounts';
import { grantImporter, runImport } from '../server/modules/imports';
import { upsertProgramme } from '../server/modules/programmes';
import { formatMs, printTable, round, timed } from './stats';

export const importTargetMs = 60_000;

const header = [
  'Programm',
  'Projektnummer',
  'Projekttitel',
  'Förderkennzeichen',
  'Fördergeber',
  'Bewilligungsdatum',
  'Laufzeitbeginn',
  'Laufzeitende',
  'Zuwendungsempfänger',
  'Rolle',
  'Quelle',
  'Art',
  'Betrag',
  'Jahr',
];
const programmes = [
  { slug: 'bench-import-efre', name: 'EFRE/JTF NRW 2021–2027 Verbundvorhaben (Importtest)' },
  { slug: 'bench-import-land', name: 'Landesprogramm Transformation (Importtest)' },
];
const topics = [
  'Wasserstoff',
  'Kreislaufwirtschaft',
  'Robotik',
  'Quartiersentwicklung',
  'Batteriespeicher',
  'Gründung',
];
const kinds = ['Werkstatt', 'Netzwerk', 'Labor', 'Allianz', 'Campus', 'Plattform'];
const names = ['Rhein', 'Ruhr', 'Emscher', 'Lippe', 'Wupper', 'Sieg', 'Erft', 'Ems'];
const forms = ['GmbH', 'AG', 'e. V.', 'GmbH & Co. KG', 'gGmbH'];

const euros = (cents: number) =>
  (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const organisation = (i: number) =>
  `${names[i % names.length]} ${topics[Math.floor(i / 8) % topics.length]} ${forms[i % forms.length]} ${1000 + i}`;

/** Writes the CSV (German headers, amounts and dates, `;`): grant g has 3 lines, every third one a 4th (a payment). */
export async function generateGrantCsv(file: string, rows = 100_000) {
  const grants = Math.round((rows * 3) / 10);
  const projects = Math.round((grants * 2) / 3);
  const organisations = Math.round(grants / 3);
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    out.write(`${line}\r\n`) ? undefined : new Promise<void>((r) => out.once('drain', () => r()));
  await write(header.join(';'));
  let written = 0;
  for (let g = 0; g < grants && written < rows; g++) {
    const project = g % projects;
    const programme = programmes[project % programmes.length]?.slug ?? '';
    const startYear = 2021 + (project % 4);
    const facts = [
      programme,
      `P-${String(project).padStart(6, '0')}`,
      `${topics[project % topics.length]}-${kinds[project % kinds.length]} ${names[project % names.length]} ${project}`,
      `FKZ-${String(g).padStart(7, '0')}`,
      g % 2 === 0 ? 'Land Nordrhein-Westfalen' : 'Bezirksregierung Münster',
      `${String(1 + (g % 28)).padStart(2, '0')}.0${1 + (g % 9)}.${startYear}`,
      `01.01.${startYear}`,
      `31.12.${startYear + 3}`,
    ];
    const lead = (g * 7) % organisations;
    const partner = (lead + 1 + (g % 97)) % organisations;
    const a = 50_000_00 + ((g * 7919) % 900_000) * 100;
    type Line = [string, string, string, string, number, number];
    const payment: Line[] = [[organisation(lead), 'Lead', 'EFRE', 'ausgezahlt', Math.round(a / 3), startYear + 1]];
    const lines: Line[] = [
      [organisation(lead), 'Lead', 'EFRE', 'bewilligt', a, startYear],
      [organisation(lead), 'Lead', 'Land', 'bewilligt', Math.round(a / 4), startYear],
      [organisation(partner), 'Partner', 'EFRE', 'bewilligt', Math.round(a / 2), startYear + 1],
      ...(g % 3 === 0 ? payment : []),
    ];
    for (const [name, role, source, kind, cents, year] of lines) {
      if (written >= rows) break;
      await write([...facts, name, role, source, kind, euros(cents), String(year)].join(';'));
      written++;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { rows: written, grants, projects, organisations };
}

const mapping = grantImportMappingSchema.parse({
  columns: {
    programme: 'Programm',
    projectReference: 'Projektnummer',
    projectTitle: 'Projekttitel',
    grantReference: 'Förderkennzeichen',
    funder: 'Fördergeber',
    decidedOn: 'Bewilligungsdatum',
    periodStart: 'Laufzeitbeginn',
    periodEnd: 'Laufzeitende',
    recipient: 'Zuwendungsempfänger',
    role: 'Rolle',
    source: 'Quelle',
    kind: 'Art',
    amount: 'Betrag',
    year: 'Jahr',
  },
  amountFormat: 'de',
});

type Target = { url: string; drop(): Promise<void> } | { skipped: string };
export type ImportRun = { backend: string; dryRunMs: number; commitMs: number; summary: Record<string, number> };

async function importOn(backend: 'pglite' | 'postgres', open: () => ReturnType<typeof openDatabase>, file: string) {
  const database = await open();
  try {
    await database.migrate();
    for (const [i, p] of programmes.entries()) {
      await upsertProgramme(database.db, {
        ...p,
        provenance: { kind: 'import', importKind: 'bench-import', file: 'bench/imports.ts', row: i + 1 },
      });
    }
    const log = (phase: string, done: number, total: number) => {
      if (done === total || done % 20_000 === 0) console.log(`  ${backend}: ${phase} ${done} / ${total}`);
    };
    const importer = () => grantImporter(mapping, systemActor);
    const dry = await timed(() => runImport(database.db, importer(), file, { dryRun: true, onRows: log }));
    const commit = await timed(() => runImport(database.db, importer(), file, { onRows: log }));
    if (commit.result.status !== 'imported') throw new Error('the generated file counted as imported before');
    console.log(`  ${backend}: dry-run ${formatMs(dry.ms)}, commit ${formatMs(commit.ms)}`);
    return { backend, dryRunMs: round(dry.ms, 0), commitMs: round(commit.ms, 0), summary: commit.result.summary };
  } finally {
    await database.close();
  }
}

/** Dry-run and commit of the generated file on PGlite (temp dir) and, when one answers, PostgreSQL. */
export async function benchImports(options: {
  rows: number;
  postgres: boolean;
  createPostgres: () => Promise<Target>;
}) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'standort-bench-imports-'));
  const runs: ImportRun[] = [];
  const skipped: string[] = [];
  try {
    const file = path.join(dir, 'foerderungen.csv');
    const generated = await timed(() => generateGrantCsv(file, options.rows));
    const sizeMb = round((await fsp.stat(file)).size / 1_048_576, 1);
    console.log(
      `\n▶ Imports: generic grant import of ${generated.result.rows.toLocaleString('en-US')} rows (${sizeMb} MB CSV, generated in ${formatMs(generated.ms)})`,
    );
    runs.push(
      await importOn('pglite', () => openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') }), file),
    );
    const target = options.postgres ? await options.createPostgres() : { skipped: '--no-postgres' };
    if ('skipped' in target) skipped.push(target.skipped);
    else {
      try {
        runs.push(await importOn('postgres', () => openDatabase({ kind: 'postgres', url: target.url }), file));
      } finally {
        await target.drop();
      }
    }
    printTable(
      `Generic grant import: ${generated.result.rows.toLocaleString('en-US')} rows (target: commit < ${formatMs(importTargetMs)})`,
      ['backend', 'dry-run', 'commit', 'rows/s (commit)', 'grants', 'projects', 'organisations', 'lines', 'target'],
      runs.map((r) => [
        r.backend,
        formatMs(r.dryRunMs),
        formatMs(r.commitMs),
        Math.round(generated.result.rows / (r.commitMs / 1000)).toLocaleString('en-US'),
        String(r.summary.grants ?? ''),
        String(r.summary.projects ?? ''),
        String(r.summary.organisations ?? ''),
        String(r.summary.lines ?? ''),
        r.commitMs < importTargetMs ? 'met' : 'MISSED',
      ]),
    );
    for (const s of skipped) console.log(`\n  PostgreSQL skipped: ${s}`);
    return {
      rows: generated.result.rows,
      generated: generated.result,
      sizeMb,
      runs,
      skipped,
      targetMs: importTargetMs,
    };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
