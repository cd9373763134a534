import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatMs, nowMs, printTable, round, verdict } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 50;

export const startTargets = { firstMs: 60_000, laterMs: 5_000 };

export type StartRun = {
  /** Spawn → first 200 from GET /api/health. */
  readyMs: number;
  /** SIGTERM → process exit. */
  stopMs: number;
  /** How the spawned npx ended, and whether the server released its data-dir lock (clean shutdown). */
  exit: string;
  lockReleased: boolean;
  /** Projects the running server reported (a check that the demo data is there). */
  projects: number | null;
};

export type StartResult = {
  command: string;
  note: string;
  first: StartRun;
  later: StartRun;
};

/** A port the OS just handed out, so the server can listen on it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getStatus(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

async function waitForHealth(child: ChildProcess, port: number, started: number, output: () => string) {
  const url = `http://127.0.0.1:${port}/api/health`;
  const attempts = Math.ceil(READY_TIMEOUT_MS / POLL_INTERVAL_MS);
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`);
    }
    if ((await getStatus(url)) === 200) return nowMs() - started;
    if (nowMs() - started > READY_TIMEOUT_MS) break;
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`Server did not answer ${url} within ${formatMs(READY_TIMEOUT_MS)}:\n${output()}`);
}

async function countProjects(port: number): Promise<number | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/projects?pageSize=1`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { total?: number };
    return typeof body.total === 'number' ? body.total : null;
  } catch {
    return null;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until every process of the group (npx → tsx → node server/main.ts) has exited. */
async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  const attempts = Math.ceil(timeoutMs / 20);
  for (let i = 0; i < attempts; i++) {
    if (!groupAlive(pgid)) return true;
    await sleep(20);
  }
  return !groupAlive(pgid);
}

/**
 * Stops the server the way Ctrl-C in a terminal would: the signal goes to the whole process group
 * we spawned (npx, tsx and the server — tsx relays it only when the server did not get it itself).
 * SIGKILL only if it hangs.
 */
async function stop(child: ChildProcess): Promise<{ stopMs: number; exit: string }> {
  const pgid = child.pid as number;
  const started = nowMs();
  process.kill(-pgid, 'SIGTERM');
  let forced = false;
  if (!(await waitForGroupExit(pgid, STOP_TIMEOUT_MS))) {
    forced = true;
    process.kill(-pgid, 'SIGKILL');
    await waitForGroupExit(pgid, 5_000);
  }
  const how = child.exitCode !== null ? `code ${child.exitCode}` : `signal ${child.signalCode ?? '?'}`;
  return { stopMs: nowMs() - started, exit: forced ? `SIGKILL after ${formatMs(STOP_TIMEOUT_MS)}` : how };
}

/** Our environment minus anything that would point the server away from embedded PGlite. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, STANDORT_DEMO: _demo, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** Starts `npx tsx server/main.ts` on the data dir, times readiness, then stops it again. */
export async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  let output = '';
  const started = nowMs();
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv({ STANDORT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pgid = child.pid as number;
  const killOnExit = () => groupAlive(pgid) && process.kill(-pgid, 'SIGKILL');
  process.once('exit', killOnExit);
  try {
    const readyMs = await waitForHealth(child, port, started, () => output);
    const projects = await countProjects(port);
    const { stopMs, exit } = await stop(child);
    const lockReleased = !existsSync(path.join(dataDir, 'standort.lock'));
    return { readyMs: round(readyMs, 0), stopMs: round(stopMs, 0), exit, lockReleased, projects };
  } catch (err) {
    if (groupAlive(pgid)) await stop(child);
    throw err;
  } finally {
    process.off('exit', killOnExit);
  }
}

/** First start (migration + demo import into an empty data dir), then a later start on the same dir. */
export async function benchStart(): Promise<StartResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'standort-bench-start-'));
  console.log(`\n▶ Start: npx tsx server/main.ts, STANDORT_DATA_DIR=${dataDir}`);
  try {
    const first = await startOnce(dataDir);
    console.log(`  first start ready after ${formatMs(first.readyMs)}`);
    const later = await startOnce(dataDir);
    console.log(`  later start ready after ${formatMs(later.readyMs)}`);
    return {
      command: 'npx tsx server/main.ts',
      note: 'server/main.ts only — `npm start` also builds the web app (server/build-web.ts) first, which is not measured',
      first,
      later,
    };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

export function printStart(r: StartResult): void {
  const row = (name: string, run: StartRun, limit: number) => [
    name,
    formatMs(run.readyMs),
    verdict(run.readyMs, limit),
    formatMs(run.stopMs),
    `${run.exit}${run.lockReleased ? '' : ', lock left behind'}`,
    String(run.projects ?? '–'),
  ];
  printTable(
    `Server start (${r.command}; ${r.note})`,
    ['run', 'ready (spawn → /api/health 200)', 'target', 'SIGTERM → all exited', 'npx exit', 'projects'],
    [
      row('first start (empty dir: migrate + demo import)', r.first, startTargets.firstMs),
      row('later start (same dir)', r.later, startTargets.laterMs),
    ],
  );
}
