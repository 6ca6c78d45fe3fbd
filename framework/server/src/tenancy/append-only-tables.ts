import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';

/**
 * The tables of the scope's schemas that carry a trigger on `prefiq.refuse_change` (ADR 0027 §4),
 * `schema.table`, sorted; none before the framework's append-only migration has run.
 *
 * @example
 * const ledger = await appendOnlyTables(db, ['erp']); // ['erp.gl_entries', 'erp.stock_moves']
 */
export async function appendOnlyTables(db: Db, schemas: readonly string[]): Promise<string[]> {
  for (const schema of schemas)
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`"${schema}" cannot name a schema`);
  if (schemas.length === 0) return [];
  const rows = await executeRows<{ table: string }>(
    db,
    sql`select distinct n.nspname || '.' || c.relname as "table"
          from pg_catalog.pg_trigger t
          join pg_catalog.pg_class c on c.oid = t.tgrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where not t.tgisinternal
           and t.tgfoid = to_regprocedure('prefiq.refuse_change()')
           and n.nspname = any(${sql.raw(`array[${schemas.map((s) => `'${s}'`).join(',')}]::text[]`)})
         order by 1`,
  );
  return rows.map((r) => r.table);
}
