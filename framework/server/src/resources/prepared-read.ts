import type { Query } from 'drizzle-orm';
import type { SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Db } from '../data/database.js';
import type { PreparedRead } from './resource-context.js';

/**
 * Builds a select once and returns what runs it on any handle (the pool, or a read or write
 * transaction in a tenant): building a statement costs more than running it, and row-level
 * security needs reads to run in a tenant's transaction, not on the pool where drizzle's own
 * `prepare()` would bind them. `selection` is the object passed to `select()`, for the result's
 * mapping (column types, property names).
 *
 * @example
 * const byId = prepareRead(db.select(columns).from(t).where(eq(t.id, sql.placeholder('id'))), columns, 'by_id');
 * const rows = await byId.execute(tx, { id });
 */
export function prepareRead(
  query: { toSQL(): Query },
  selection: Readonly<Record<string, unknown>>,
  name: string,
): PreparedRead {
  const built = query.toSQL();
  const fields = Object.entries(selection).map(([key, field]) => ({
    path: [key],
    field,
  })) as SelectedFieldsOrdered;
  return {
    execute: (db: Db, values: Record<string, unknown>) =>
      db._.session.prepareQuery(built, fields, name, true).execute(values) as Promise<unknown[]>,
  };
}
