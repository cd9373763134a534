import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, STANDORT_DATA_DIR: path.join(tmp, 'db'), DATABASE_URL: '' },
    encoding: 'utf8',
  });
}

describe('npm run cli -- import', () => {
  it('imports a file, then reports the unchanged file as nothing to do', () => {
    const file = path.join(root, 'data', 'admin-it', 'comuni_piemonte_istat_2020.csv');
    const first = cli('import', 'regions-it', file);
    expect(first.stdout).toContain('Importiert: 1181 Zeilen');
    expect(first.status).toBe(0);
    const second = cli('import', 'regions-it', file);
    expect(second.stdout).toContain('bereits unverändert importiert');
  });

  it('lists every bad row with row number, field and reason and exits 1', () => {
    const file = path.join(tmp, 'comuni.csv');
    fs.writeFileSync(
      file,
      [
        'istat_code,name,provincia_code,provincia_name,regione_code,regione_name',
        '001001,Agliè,001,Torino,01,Piemonte',
        '1234,Kurz,001,Torino,01,Piemonte',
        '002001,,002,Vercelli,01,Piemonte',
      ].join('\n'),
    );
    const run = cli('import', 'regions-it', file, '--dry-run');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('comuni.csv: 2 fehlerhafte Angaben — nichts wurde importiert.');
    expect(run.stderr).toContain('Zeile 2, istat_code: ISTAT-Code muss 6 Ziffern haben');
    expect(run.stderr).toContain('Zeile 3, name: Name fehlt');
  });

  it('explains its commands when called without one', () => {
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('erdf-nrw-2007');
  });
});
