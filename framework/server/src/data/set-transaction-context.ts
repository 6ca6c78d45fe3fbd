import { type SQL, sql } from 'drizzle-orm';
import type { Db, TransactionOptions } from './database.js';

/**
 * Sets `app.tenant_id` / `app.user_id` for the current transaction only (`set_config(…, true)` is
 * `SET LOCAL` with a bound value), in one round trip. Row-level security policies read them.
 *
 * @example
 * await setTransactionContext(tx, { tenantId, userId });
 */
export async function setTransactionContext(
  tx: Db,
  { tenantId, userId }: TransactionOptions = {},
): Promise<void> {
  const calls: SQL[] = [];
  if (tenantId !== undefined) calls.push(sql`set_config('app.tenant_id', ${tenantId}, true)`);
  if (userId !== undefined) calls.push(sql`set_config('app.user_id', ${userId}, true)`);
  if (calls.length === 0) return;
  await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}
