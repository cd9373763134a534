import { randomUUID } from 'node:crypto';
import type { GrantImportSummary, ImportJob } from '../../../contracts/grant-import';
import type { RowError } from './importer';

/** A running or finished import job, as the process holds it. */
export type Job = Omit<ImportJob, 'errors'> & { ownerId: number; errors: RowError[] };

/**
 * Import jobs live in this process only: they do not survive a restart, and finished jobs are
 * forgotten after an hour. Jobs run one after another, so two imports never write at once.
 */
const jobs = new Map<string, Job>();
const KEEP_MS = 60 * 60 * 1000;
let queue: Promise<void> = Promise.resolve();

export function createJob(ownerId: number, fileName: string, dryRun: boolean): Job {
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) jobs.delete(id);
  }
  const job: Job = {
    id: randomUUID(),
    ownerId,
    fileName,
    dryRun,
    state: 'queued',
    phase: 'queued',
    done: 0,
    total: 0,
    startedAt: new Date(now).toISOString(),
    finishedAt: null,
    message: null,
    unchanged: false,
    errors: [],
    summary: null,
  };
  jobs.set(job.id, job);
  return job;
}

export function findJob(id: string): Job | undefined {
  return jobs.get(id);
}

/** Runs the job after those before it; `work` reports progress on the job and returns its summary. */
export function enqueueJob(
  job: Job,
  work: (job: Job) => Promise<{ summary: GrantImportSummary | null; unchanged: boolean }>,
): Promise<void> {
  const run = async () => {
    job.state = 'running';
    try {
      const result = await work(job);
      Object.assign(job, { state: 'succeeded', phase: 'done', ...result });
    } catch (err) {
      const details = (err as { details?: { errors?: RowError[] } }).details;
      Object.assign(job, {
        state: 'failed',
        message: err instanceof Error ? err.message : String(err),
        errors: details?.errors ?? [],
      });
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  };
  queue = queue.then(run);
  return queue;
}
