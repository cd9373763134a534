import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, isEmbedded } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, systemActor } from '../accounts';
import { recordAudit } from '../audit';
import type { Importer, RowError, RowProgress } from './importer';
import { importRuns } from './imports.table';
import { importers, importKinds } from './registry';

export type ImportResult<P = undefined> =
  | {
      status: 'imported';
      kind: string;
      file: string;
      rows: number;
      summary: Record<string, number>;
      /** What the import creates (dry-run: would create), for importers that describe it. */
      preview?: P;
    }
  | { status: 'unchanged'; kind: string; file: string };

export type ImportOptions = {
  /** Who runs the import (recorded in the audit log); the system when not given. */
  actor?: Actor;
  /** Validate only: report every bad row, write nothing. */
  dryRun?: boolean;
  /** The file's name in provenance and the import run when `file` is a temporary path. */
  fileName?: string;
  onProgress?: (phase: 'read' | 'write' | 'done', detail: string) => void;
  /** Row counts while reading, validating and writing (importers that report them). */
  onRows?: RowProgress;
};

/**
 * Runs one import — a registered kind, or an importer built for this file (e.g. from a column
 * mapping): validates every row first and refuses the whole file on any error (listing every bad
 * row), then writes everything in one transaction. A file already imported unchanged (same kind,
 * same content hash and fingerprint) is skipped.
 */
export async function runImport<P = undefined>(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: the runner does not look inside an importer's records.
  kindOrImporter: string | Importer<any, P>,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult<P>> {
  const importer = typeof kindOrImporter === 'string' ? importers[kindOrImporter] : kindOrImporter;
  if (!importer) {
    throw new AppError(
      'validation_failed',
      `Unbekannte Importart „${kindOrImporter}“. Möglich: ${importKinds.join(', ')}.`,
      { field: 'kind' },
    );
  }
  const kind = importer.kind;
  const hash = createHash('sha256');
  for (const f of [file, ...(importer.companionFiles?.(file) ?? [])]) {
    try {
      hash.update(await fs.readFile(f));
    } catch {
      throw new AppError('validation_failed', `Datei ${f} kann nicht gelesen werden.`, { field: 'file' });
    }
  }
  if (importer.fingerprint !== undefined) hash.update(importer.fingerprint);
  const fileName = options.fileName ?? path.basename(file);
  const sha256 = hash.digest('hex');
  const [previous] = await db
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(and(eq(importRuns.kind, kind), eq(importRuns.sha256, sha256)));
  if (previous && !options.dryRun) return { status: 'unchanged', kind, file: fileName };

  options.onProgress?.('read', fileName);
  const { records, errors, preview } = await importer.read(file, { db, onProgress: options.onRows });
  if (errors.length > 0) throw importFailed(fileName, errors);
  if (options.dryRun) {
    return {
      status: 'imported',
      kind,
      file: fileName,
      rows: importer.countRows?.(records) ?? records.length,
      summary: {},
      preview,
    };
  }

  const rows = importer.countRows?.(records) ?? records.length;
  options.onProgress?.('write', `${rows} Datensätze`);
  const summary = await db.transaction(async (tx) => {
    const result = await importer.write(tx, records, {
      fileName,
      onProgress: (done, total) => options.onRows?.('write', done, total),
    });
    const [run] = await tx
      .insert(importRuns)
      .values({ kind, fileName, sha256, rowCount: rows, summary: result })
      .returning({ id: importRuns.id });
    await recordAudit(tx, options.actor ?? systemActor, {
      action: 'import',
      entityType: 'import_run',
      entityId: run?.id ?? 0,
      after: { kind, file: fileName, sha256, rows, summary: result },
    });
    return result;
  });
  // Fresh statistics for the planner. PGlite has no autovacuum: it is vacuumed too, so that index-only
  // scans (the partner walk of matching) need not visit the rows the import wrote.
  await db.execute(isEmbedded(db) ? sql`vacuum analyze` : sql`analyze`);
  options.onProgress?.('done', fileName);
  return { status: 'imported', kind, file: fileName, rows, summary, preview };
}

function importFailed(fileName: string, errors: RowError[]): AppError {
  return new AppError('import_failed', `${fileName}: ${errors.length} fehlerhafte Angaben — nichts wurde importiert.`, {
    errors,
  });
}
