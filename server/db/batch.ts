/** Splits rows into chunks that stay well below PostgreSQL's 65,535 bind parameters per statement. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Yields the rows of `ids` in the order of `ids`, fetched `size` at a time: a long list streams
 * without holding more than one page of rows. Ids whose row the page no longer returns are skipped.
 */
export async function* rowsInIdOrder<T extends { id: number }>(
  ids: readonly number[],
  fetchPage: (ids: number[]) => Promise<T[]>,
  size = 1000,
): AsyncGenerator<T> {
  for (const page of chunks(ids, size)) {
    const byId = new Map((await fetchPage(page)).map((row) => [row.id, row]));
    for (const id of page) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}
