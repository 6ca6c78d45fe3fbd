import type { Database, Db, TransactionOptions } from '@codexion/framework/data';
import { type SQL, sql } from 'drizzle-orm';

async function setContext(tx: Db, { tenantId, userId }: TransactionOptions): Promise<void> {
  const calls: SQL[] = [];
  if (tenantId !== undefined) calls.push(sql`set_config('app.tenant_id', ${tenantId}, true)`);
  if (userId !== undefined) calls.push(sql`set_config('app.user_id', ${userId}, true)`);
  if (calls.length > 0) await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}

function unavailable(what: string): never {
  throw new Error(`${what} is not available inside an action's transaction`);
}

/**
 * A {@link Database} whose transactions are savepoints of the action's own transaction, each in
 * the tenant (and as the user) it names, the action's context restored afterwards. It lets
 * Cortex's actions use the framework's services that open transactions of their own (tenancy's
 * `createTenant`, `getRole`, `resolveAccess`) from inside the transaction the kernel runs every
 * action in: on PGlite a second transaction would wait for the first forever; here the work
 * joins it, and commits or rolls back with it.
 *
 * The role stays the action's (the tenant role), so row-level security applies to every step.
 *
 * @example
 * const tenancy = createTenancy({ database: transactionDatabase(ctx.tx, ctx, kind), models });
 * await tenancy.createTenant({ name, slug, ownerId: ctx.userId });
 */
export function transactionDatabase(tx: Db, outer: TransactionOptions, kind: Database['kind']): Database {
  const nested = async <T>(work: (inner: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> => {
    try {
      return await tx.transaction(async (savepoint) => {
        await setContext(savepoint, options);
        return work(savepoint as unknown as Db);
      });
    } finally {
      // a released savepoint keeps its settings: the action goes on in its own tenant, as itself
      await setContext(tx, { tenantId: outer.tenantId ?? '', userId: outer.userId ?? '' });
    }
  };
  return {
    kind,
    db: tx,
    transaction: nested,
    read: nested,
    useTenantRole: () => unavailable('useTenantRole'),
    execute: () => unavailable('execute'),
    session: () => unavailable('session'),
    ping: () => unavailable('ping'),
    close: () => Promise.resolve(),
  };
}
