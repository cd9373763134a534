import type { Db } from '../../db/client';

/** One reason a row cannot be imported. */
export type RowError = { row: number; field: string; reason: string };

export type ImportContext = {
  /** File name as recorded in provenance (base name, not the machine's path). */
  fileName: string;
  onProgress?: (done: number, total: number) => void;
};

/**
 * An import kind: `read` validates every row and collects every problem without writing;
 * `write` runs inside one transaction and only after `read` found no errors.
 */
export type Importer<T> = {
  kind: string;
  description: string;
  /** Further files the import reads next to the given one; their content counts for "unchanged". */
  companionFiles?: (file: string) => string[];
  /** Rows read, when a record is not one row (several files, one JSON document). */
  countRows?: (records: T[]) => number;
  read(file: string): Promise<{ records: T[]; errors: RowError[] }>;
  write(tx: Db, records: T[], ctx: ImportContext): Promise<Record<string, number>>;
};
