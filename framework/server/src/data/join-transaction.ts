import { sql } from 'drizzle-orm';
import type { Database, Db, TransactionOptions } from './database.js';
import { executeRows } from './execute-rows.js';
import { setTransactionContext } from './set-transaction-context.js';

/** The transaction a caller runs in and who it runs as: what an action, hook or subscriber has. */
export interface TransactionScope {
  tx: Db;
  tenantId?: string | undefined;
  userId?: string | undefined;
}

/**
 * A service that can run inside a caller's transaction: `inTransaction(scope)` is the same service
 * whose reads and writes join `scope.tx` (commit or roll back with it) instead of opening their
 * own. `ctx.services` hands such services out already joined.
 */
export interface JoinsTransaction<S> {
  inTransaction(scope: TransactionScope): S;
}

/**
 * Whether a service can join a caller's transaction.
 *
 * @example
 * const tenancy = joinsTransaction(service) ? service.inTransaction(ctx) : service;
 */
export function joinsTransaction(service: unknown): service is JoinsTransaction<unknown> {
  return (
    typeof service === 'object' &&
    service !== null &&
    typeof (service as Partial<JoinsTransaction<unknown>>).inTransaction === 'function'
  );
}

/** Options of {@link joinTransaction}. */
export interface JoinOptions {
  /**
   * the joined work runs as the connecting role, the caller's role set again afterwards: for the
   * platform's own tables outside row-level security (identity's users), which a service reaches
   * in its own transactions as that role, never the tenant role
   */
  asConnectingRole?: boolean;
}

async function currentRole(tx: Db): Promise<string> {
  const [row] = await executeRows<{ role: string }>(tx, sql`select current_user as role`);
  if (row === undefined) throw new Error('select current_user returned no row');
  return row.role;
}

function unavailable(what: string): never {
  throw new Error(`${what} is not available inside a caller's transaction: use the transaction's handle`);
}

/**
 * A {@link Database} whose transactions are savepoints of the caller's transaction, each in the
 * tenant (and as the user) it names, the caller's own context set again afterwards (a released
 * savepoint keeps its settings). A service built on it runs inside the caller's transaction: on
 * PGlite a second transaction would wait for the first forever; here the work joins it, and
 * commits or rolls back with it. The role stays the caller's (the tenant role), so row-level
 * security applies to every step (unless `asConnectingRole`).
 *
 * @example
 * const tenancy = createTenancy({ database: joinTransaction(database, ctx), models });
 * await tenancy.createRole(admin, { key: 'auditor', name: 'Auditor', permissions: [] });
 */
export function joinTransaction(
  database: Pick<Database, 'kind'>,
  scope: TransactionScope,
  { asConnectingRole = false }: JoinOptions = {},
): Database {
  const { tx } = scope;
  const outer = { tenantId: scope.tenantId ?? '', userId: scope.userId ?? '' };
  const nested = async <T>(work: (inner: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> => {
    const callerRole = asConnectingRole ? await currentRole(tx) : undefined;
    try {
      return await tx.transaction(async (savepoint) => {
        await setTransactionContext(
          savepoint as unknown as Db,
          options,
          asConnectingRole ? 'none' : undefined,
        );
        return work(savepoint as unknown as Db);
      });
    } finally {
      await setTransactionContext(tx, outer, callerRole);
    }
  };
  return {
    kind: database.kind,
    db: tx,
    transaction: nested,
    read: nested,
    useTenantRole: () => unavailable('useTenantRole'),
    execute: () => unavailable('execute'),
    session: () => unavailable('session'),
    ping: () => unavailable('ping'),
    // the caller's transaction is the caller's to end
    close: () => Promise.resolve(),
  };
}
