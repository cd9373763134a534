import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { type Actor, systemActor } from '../accounts';
import { recordAudit } from '../audit';
import type { RowError } from './importer';
import { importRuns } from './imports.table';
import { importers, importKinds } from './registry';

export type ImportResult =
  | { status: 'imported'; kind: string; file: string; rows: number; summary: Record<string, number> }
  | { status: 'unchanged'; kind: string; file: string };

export type ImportOptions = {
  /** Who runs the import (recorded in the audit log); the system when not given. */
  actor?: Actor;
  /** Validate only: report every bad row, write nothing. */
  dryRun?: boolean;
  onProgress?: (phase: 'read' | 'write' | 'done', detail: string) => void;
};

/**
 * Runs one import: validates every row first and refuses the whole file on any error (listing
 * every bad row), then writes everything in one transaction. A file already imported unchanged
 * (same kind, same content hash) is skipped.
 */
export async function runImport(
  db: Db,
  kind: string,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const importer = importers[kind];
  if (!importer) {
    throw new AppError('validation_failed', `Unbekannte Importart „${kind}“. Möglich: ${importKinds.join(', ')}.`, {
      field: 'kind',
    });
  }
  const hash = createHash('sha256');
  for (const f of [file, ...(importer.companionFiles?.(file) ?? [])]) {
    try {
      hash.update(await fs.readFile(f));
    } catch {
      throw new AppError('validation_failed', `Datei ${f} kann nicht gelesen werden.`, { field: 'file' });
    }
  }
  const fileName = path.basename(file);
  const sha256 = hash.digest('hex');
  const [previous] = await db
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(and(eq(importRuns.kind, kind), eq(importRuns.sha256, sha256)));
  if (previous && !options.dryRun) return { status: 'unchanged', kind, file: fileName };

  options.onProgress?.('read', fileName);
  const { records, errors } = await importer.read(file);
  if (errors.length > 0) throw importFailed(fileName, errors);
  if (options.dryRun) {
    return {
      status: 'imported',
      kind,
      file: fileName,
      rows: importer.countRows?.(records) ?? records.length,
      summary: {},
    };
  }

  const rows = importer.countRows?.(records) ?? records.length;
  options.onProgress?.('write', `${rows} Datensätze`);
  const summary = await db.transaction(async (tx) => {
    const result = await importer.write(tx, records, { fileName });
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
  // Fresh statistics for the planner: PGlite has no autovacuum to gather them.
  await db.execute(sql`analyze`);
  options.onProgress?.('done', fileName);
  return { status: 'imported', kind, file: fileName, rows, summary };
}

function importFailed(fileName: string, errors: RowError[]): AppError {
  return new AppError('import_failed', `${fileName}: ${errors.length} fehlerhafte Angaben — nichts wurde importiert.`, {
    errors,
  });
}
