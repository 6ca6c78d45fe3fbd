import { type SQL, sql } from 'drizzle-orm';
import type { Db, TransactionOptions } from './database.js';

/**
 * Sets `app.tenant_id` / `app.user_id` for the current transaction only (`set_config(…, true)` is
 * `SET LOCAL` with a bound value), in one round trip; with `role`, also `SET LOCAL ROLE` (the
 * `role` setting), so row-level security applies from the next statement on. Row-level security
 * policies read the settings.
 *
 * @example
 * await setTransactionContext(tx, { tenantId, userId }, 'prefiq_app');
 */
export async function setTransactionContext(
  tx: Db,
  { tenantId, userId }: TransactionOptions = {},
  role?: string,
): Promise<void> {
  const calls: SQL[] = [];
  if (role !== undefined) calls.push(sql`set_config('role', ${role}, true)`);
  if (tenantId !== undefined) calls.push(sql`set_config('app.tenant_id', ${tenantId}, true)`);
  if (userId !== undefined) calls.push(sql`set_config('app.user_id', ${userId}, true)`);
  if (calls.length === 0) return;
  await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}

/**
 * The role a transaction with these options runs as: the tenant role when one is in force and the
 * work names a tenant; otherwise none (the connecting role: migrations, system work).
 */
export function contextRole(
  tenantRole: string | undefined,
  options: TransactionOptions | undefined,
): string | undefined {
  return tenantRole !== undefined && options?.tenantId !== undefined ? tenantRole : undefined;
}
