import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, type TestTarget, templateFiles } from './templates';

const root = path.resolve(import.meta.dirname, '..', '..');
const buildScript = path.join(import.meta.dirname, 'build-template.ts');

type Build = { child: ChildProcess; done: Promise<void> };

/**
 * Starts building the test templates of this run in child processes and hands their location to the
 * test files (`inject('standortTestTemplates')`, see database.ts). Tests run meanwhile; a test that
 * needs a template waits for it. PGlite: dumps of an empty migrated database and of one with the
 * demo data. PostgreSQL (with TEST_DATABASE_URL): a template database with the demo data. The demo
 * data comes from the importers of this checkout, at every run. Teardown stops an unfinished build,
 * drops the template database and removes the dumps.
 */
export function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL || null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-test-templates-'));
  const postgresTemplate = adminUrl ? `standort_template_${randomBytes(6).toString('hex')}` : null;
  let builds: Build[] = [];

  function start() {
    builds = [startBuild(dir, 'pglite', [dir])];
    if (adminUrl && postgresTemplate) builds.push(startBuild(dir, 'postgres', [adminUrl, postgresTemplate]));
  }

  async function clear() {
    for (const { child } of builds) if (child.exitCode === null && child.signalCode === null) child.kill();
    await Promise.all(builds.map((b) => b.done));
    const built = fs.existsSync(path.join(dir, templateFiles.postgresReady));
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file), { force: true });
    if (!adminUrl || !postgresTemplate) return;
    try {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`);
    } catch (err) {
      // A server that could not be reached for the build has already failed the tests that needed it.
      if (built) throw err;
    }
  }

  project.provide('standortTestTemplates', { dir, postgresTemplate });
  // In watch mode the importers may have changed between runs: build afresh for every rerun.
  project.onTestsRerun(async () => {
    await clear();
    start();
  });
  start();

  return async () => {
    try {
      await clear();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Runs build-template.ts; on failure leaves `<target>.failed` with its output for the waiting tests. */
function startBuild(dir: string, target: TestTarget, args: string[]): Build {
  const child = spawn(process.execPath, ['--import', 'tsx', buildScript, target, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const done = new Promise<void>((resolve) => {
    child.on('error', (err) => {
      output += String(err);
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        if (target === 'postgres') fs.writeFileSync(path.join(dir, templateFiles.postgresReady), '');
      } else {
        fs.writeFileSync(path.join(dir, templateFiles.failed(target)), `exit ${code ?? signal}\n${output}`);
      }
      resolve();
    });
  });
  return { child, done };
}
