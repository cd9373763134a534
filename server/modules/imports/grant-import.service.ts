import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type GrantImportMapping,
  type GrantImportSummary,
  IMPORT_UPLOAD_LIMIT_BYTES,
  type ImportFile,
  type ImportJob,
} from '../../../contracts/grant-import';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { suggestGrantMapping } from './grant-mapping';
import { columnIndexes } from './grant-rows';
import { grantImporter } from './grants.importer';
import { createJob, enqueueJob, findJob } from './import-jobs';
import { runImport } from './imports.service';
import { inspectTable } from './table-file';

/** Importing grants: admins, programme offices and funding officers (each programme is checked per row). */
export function canImportGrants(actor: Actor): boolean {
  return (
    actor.kind === 'user' &&
    actor.roles.some((r) => r.role === 'admin' || r.role === 'programme_office' || r.role === 'funding_officer')
  );
}

function mustImport(actor: Actor): number {
  if (!canImportGrants(actor) || actor.kind !== 'user') {
    throw new AppError('forbidden', 'Förderungen importieren dürfen Programmbüros und Förderreferate.');
  }
  return actor.userId;
}

// Uploads wait in the temp dir for the dry-run and the commit; they are removed after two hours.
const UPLOAD_DIR = path.join(os.tmpdir(), 'standort-uploads');
const UPLOAD_KEEP_MS = 2 * 60 * 60 * 1000;
const uploads = new Map<string, { file: string; fileName: string; ownerId: number; at: number }>();

/** Stores an uploaded file (at most 50 MB) and returns its headers, first rows and a suggested mapping. */
export async function storeImportFile(actor: Actor, body: Readable, fileName: string): Promise<ImportFile> {
  const ownerId = mustImport(actor);
  await sweepUploads();
  await fsp.mkdir(UPLOAD_DIR, { recursive: true });
  const fileId = randomUUID();
  const file = path.join(UPLOAD_DIR, fileId);
  let size = 0;
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > IMPORT_UPLOAD_LIMIT_BYTES) {
            throw new AppError('validation_failed', 'Die Datei ist größer als 50 MB.', { field: 'body' });
          }
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    const table = await inspectTable(file);
    if (table.headers.length === 0) {
      throw new AppError('validation_failed', 'Die Datei ist leer.', { field: 'body' });
    }
    uploads.set(fileId, { file, fileName: path.basename(fileName), ownerId, at: Date.now() });
    return {
      fileId,
      fileName: path.basename(fileName),
      sizeBytes: size,
      ...table,
      suggestedMapping: { columns: suggestGrantMapping(table.headers) },
    };
  } catch (err) {
    await fsp.rm(file, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('validation_failed', 'Die Datei kann nicht gelesen werden (CSV oder XLSX erwartet).', {
      field: 'body',
    });
  }
}

async function sweepUploads() {
  const now = Date.now();
  for (const [id, upload] of uploads) {
    if (now - upload.at > UPLOAD_KEEP_MS) {
      uploads.delete(id);
      await fsp.rm(upload.file, { force: true });
    }
  }
}

/**
 * Starts a dry-run or a commit of an uploaded file as a job; a mapping naming a column the file
 * does not have is refused at once (400), everything else is reported by the job.
 */
export async function startGrantImport(
  db: Db,
  actor: Actor,
  input: { fileId: string; mapping: GrantImportMapping; dryRun: boolean },
  logError: (err: unknown) => void = () => {},
): Promise<{ jobId: string }> {
  const ownerId = mustImport(actor);
  const upload = uploads.get(input.fileId);
  if (!upload || upload.ownerId !== ownerId) {
    throw new AppError('not_found', 'Die hochgeladene Datei gibt es nicht (mehr); bitte erneut hochladen.');
  }
  const { headers } = await inspectTable(upload.file, 0);
  columnIndexes(input.mapping, headers);
  const job = createJob(ownerId, upload.fileName, input.dryRun);
  // The job reports through its own record; the promise never rejects.
  void enqueueJob(job, async (j) => {
    const result = await runImport(db, grantImporter(input.mapping, actor), upload.file, {
      actor,
      dryRun: input.dryRun,
      fileName: upload.fileName,
      onRows: (phase, done, total) => Object.assign(j, { phase, done, total }),
    }).catch((err: unknown) => {
      if (err instanceof AppError) throw err;
      logError(err);
      throw new AppError('internal', 'Der Import ist an einem internen Fehler gescheitert; nichts wurde geschrieben.');
    });
    return result.status === 'unchanged'
      ? { summary: null, unchanged: true }
      : { summary: (result.preview as GrantImportSummary | undefined) ?? null, unchanged: false };
  });
  return { jobId: job.id };
}

/** A job of the actor, with one page of its row errors; another user's job answers 404. */
export function getImportJob(actor: Actor, id: string, page: { page: number; pageSize: number }): ImportJob {
  const ownerId = mustImport(actor);
  const job = findJob(id);
  if (!job || job.ownerId !== ownerId) throw new AppError('not_found', `Importauftrag ${id} gibt es nicht.`);
  const { ownerId: _owner, errors, ...rest } = job;
  const from = (page.page - 1) * page.pageSize;
  return { ...rest, errors: { items: errors.slice(from, from + page.pageSize), total: errors.length } };
}
