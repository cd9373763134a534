import type { Db } from '../../db/client';

/** One reason a row cannot be imported. */
export type RowError = { row: number; field: string; reason: string };

/** Rows read (total estimated while reading), records validated, rows written. */
export type ImportPhase = 'read' | 'validate' | 'write';
export type RowProgress = (phase: ImportPhase, done: number, total: number) => void;

export type ReadContext = {
  /** For lookups while validating (programmes, existing records); `read` never writes. */
  db: Db;
  onProgress?: RowProgress;
};

export type ImportContext = {
  /** File name as recorded in provenance (base name, not the machine's path). */
  fileName: string;
  onProgress?: (done: number, total: number) => void;
};

/**
 * An import kind: `read` validates every row and collects every problem without writing;
 * `write` runs inside one transaction and only after `read` found no errors. `read` may also
 * return a preview of what `write` would create (P), which the runner passes back.
 */
export type Importer<T, P = undefined> = {
  kind: string;
  description: string;
  /** Further files the import reads next to the given one; their content counts for "unchanged". */
  companionFiles?: (file: string) => string[];
  /** Further input deciding what the file means (e.g. a column mapping); it counts for "unchanged" too. */
  fingerprint?: string;
  /** Rows read, when a record is not one row (several files, one JSON document). */
  countRows?: (records: T[]) => number;
  read(file: string, ctx: ReadContext): Promise<{ records: T[]; errors: RowError[]; preview?: P }>;
  write(tx: Db, records: T[], ctx: ImportContext): Promise<Record<string, number>>;
};
