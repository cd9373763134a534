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
  read(file: string): Promise<{ records: T[]; errors: RowError[] }>;
  write(tx: Db, records: T[], ctx: ImportContext): Promise<Record<string, number>>;
};
