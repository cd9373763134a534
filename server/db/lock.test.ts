import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { lockDataDir } from './lock';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the embedded database belongs to one process', () => {
  it('refuses a second open of the same folder with database_locked', async () => {
    const dir = path.join(tmp, 'a');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toMatchObject({ code: 'database_locked' });
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('gives a CLI run against a folder in use a clear error and leaves the lock alone', () => {
    const dir = path.join(tmp, 'b');
    const lock = lockDataDir(dir);
    try {
      const run = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['server/cli.ts', 'migrate'], {
        cwd: root,
        env: { ...process.env, STANDORT_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`wird bereits von Prozess ${process.pid} verwendet`);
      expect(fs.readFileSync(path.join(dir, 'standort.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = path.join(tmp, 'c');
    fs.mkdirSync(dir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'standort.lock'), dead.stdout);
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'standort.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'standort.lock'))).toBe(false);
  });
});
