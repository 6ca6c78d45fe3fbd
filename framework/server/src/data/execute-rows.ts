import type { SQL } from 'drizzle-orm';
import type { Db, SqlRow } from './database.js';

/**
 * Runs a drizzle `sql` query and returns its rows on either driver: postgres.js answers with an
 * array of rows, PGlite with `{ rows }`.
 *
 * @example
 * const [row] = await executeRows<{ n: number }>(tx, sql`select 1 as n`);
 */
export async function executeRows<R extends SqlRow = SqlRow>(db: Db, query: SQL): Promise<R[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as R[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as R[]) : [];
}
