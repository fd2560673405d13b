import type { Kysely } from 'kysely';

/** Rows read at a time: a migration over a big table never holds it all in memory. */
const PAGE_SIZE = 500;

/**
 * Visits every row of `table` in order of its key column, a page at a time (keyset paging: each page starts
 * after the last key seen, so rows the visit rewrites are never read twice). `start` is below every key.
 */
export async function eachRow<Row extends object>(
  db: Kysely<any>,
  table: string,
  columns: readonly string[] | 'all',
  key: { column: string; start: string | number },
  visit: (row: Row) => Promise<void>,
): Promise<void> {
  for (let after = key.start; ; ) {
    const query = db.selectFrom(table);
    const rows = (await (columns === 'all' ? query.selectAll() : query.select([...columns]))
      .where(key.column, '>', after)
      .orderBy(key.column)
      .limit(PAGE_SIZE)
      .execute()) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) await visit(row);
    after = (rows[rows.length - 1] as Record<string, string | number>)[key.column]!;
  }
}
