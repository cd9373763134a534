import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
export const screenshotDir = path.join(root, 'e2e', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type RunningServer = { url: string; stop(): Promise<void> };

/** An account to create before the server starts (roles without scope: the CLI cannot scope them). */
export type SeedUser = { email: string; name: string; roles: string[]; password: string };

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Creates an account with `standort users create` in the data dir; the server must not be running yet. */
async function createUser(dataDir: string, user: SeedUser): Promise<void> {
  const args = ['server/cli.ts', 'users', 'create', '--email', user.email, '--name', user.name];
  for (const role of user.roles) args.push('--role', role);
  args.push('--password', user.password);
  await new Promise<void>((resolve, reject) => {
    execFile(
      tsx,
      args,
      { cwd: root, env: { ...process.env, STANDORT_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' } },
      (error, _stdout, stderr) =>
        error
          ? reject(new Error(`users create ${user.email} ist fehlgeschlagen: ${stderr || error.message}`))
          : resolve(),
    );
  });
}

/**
 * Starts the real server (built web app, fresh embedded database with demo data) on a free port.
 * `users` are created first, through the CLI, because the embedded database is locked while the server runs.
 */
export async function startServer(options: { users?: SeedUser[] } = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web fehlt — zuerst `npm run build` ausführen');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-e2e-'));
  try {
    for (const user of options.users ?? []) await createUser(dataDir, user);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const child: ChildProcess = spawn(tsx, ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STANDORT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server beendet mit Code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this sandbox needs (no background network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a full-page screenshot named after the test, e.g. when it failed. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type Journey = { server: RunningServer; browser: Browser; page: Page };

/**
 * Registers the hooks of one browser journey: a fresh server and a German page before the tests,
 * a screenshot of every failed test, and everything stopped afterwards.
 */
export function useJourney(options: { users?: SeedUser[] } = {}): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.server = await startServer(options);
    journey.browser = await launchBrowser();
    journey.page = await journey.browser.newPage({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      console.error(`Screenshot: ${await screenshot(journey.page, `failed-${ctx.task.name}`)}`);
    }
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}
