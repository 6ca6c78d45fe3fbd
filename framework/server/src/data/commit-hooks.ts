import type { Query } from 'drizzle-orm';
import type { Database, Db } from './database.js';

/** Work to do once a transaction has committed, given the database it committed on. */
export type CommitHook = (database: Database) => Promise<void> | void;

/** A statement `atCommit` holds back, with what turns its error into the caller's. */
interface LastStatement {
  query: Query;
  explain: ((error: unknown) => unknown) | undefined;
}

interface TransactionHooks {
  last: LastStatement[];
  hooks: Set<CommitHook>;
}

/** Per open transaction handle; a handle that is not in here is no transaction's. */
const transactions = new WeakMap<object, TransactionHooks>();

/**
 * Parameters postgres.js cannot fail to send. A statement whose parameters fail to serialize is
 * never sent, yet postgres.js sends what follows it, so COMMIT would commit without it: only
 * statements with these parameters wait for COMMIT.
 */
function sendable(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Runs a built statement on any handle (drizzle's own path: the driver's session). */
export function runQuery(tx: Db, query: Query): Promise<unknown> {
  return tx._.session.prepareQuery(query, undefined, undefined, false).execute();
}

/**
 * Sends `query` as the transaction's last statement, in the same round trip as its COMMIT (on
 * PostgreSQL; PGlite runs it last): a write whose result nobody waits for, such as an audit entry,
 * costs no round trip of its own. If it fails, nothing commits and `Database.transaction` rejects
 * with its error (passed through `explain`). Outside a transaction of a {@link Database}, or with
 * parameters that are not plain values, it runs at once.
 *
 * @example
 * await atCommit(tx, tx.insert(auditPending).values(rows).toSQL());
 */
export async function atCommit(tx: Db, query: Query, explain?: (error: unknown) => unknown): Promise<void> {
  const transaction = transactions.get(tx);
  if (transaction !== undefined && query.params.every(sendable)) {
    transaction.last.push({ query, explain });
    return;
  }
  try {
    await runQuery(tx, query);
  } catch (error) {
    throw explain === undefined ? error : explain(error);
  }
}

/**
 * Runs `hook` once the transaction `tx` belongs to has committed, before `Database.transaction`
 * resolves; never when it rolls back. A hook registered twice on one transaction runs once. On a
 * handle that is no transaction of a {@link Database} (the pool, a read), nothing runs.
 *
 * @example
 * afterCommit(tx, (database) => sealSoon(database));
 */
export function afterCommit(tx: Db, hook: CommitHook): void {
  transactions.get(tx)?.hooks.add(hook);
}

/** For the drivers: `tx` is a transaction handle, whose last statements and hooks they run. */
export function trackTransaction(tx: Db): void {
  transactions.set(tx, { last: [], hooks: new Set() });
}

/**
 * For the drivers, after the work: sends the statements `atCommit` held back, in order, without
 * waiting for them (COMMIT goes out right behind). The promises settle with each one's outcome,
 * its error already explained; {@link lastStatementsFailed} reads them after COMMIT.
 */
export function sendLastStatements(tx: Db): Promise<unknown>[] {
  const transaction = transactions.get(tx);
  if (transaction === undefined) return [];
  const last = transaction.last.splice(0);
  return last.map(({ query, explain }) => {
    const sent = runQuery(tx, query).catch((error: unknown) => {
      throw explain === undefined ? error : explain(error);
    });
    // examined after COMMIT; a rejection must not go unhandled meanwhile
    sent.catch(() => undefined);
    return sent;
  });
}

/**
 * For the drivers, after COMMIT: the first error of the last statements, if one failed. The
 * transaction then did not commit: PostgreSQL answers COMMIT of a failed transaction with a ROLLBACK.
 */
export async function lastStatementsFailed(sent: readonly Promise<unknown>[]): Promise<unknown> {
  for (const outcome of await Promise.allSettled(sent)) {
    if (outcome.status === 'rejected') return outcome.reason ?? new Error('a last statement failed');
  }
  return undefined;
}

/**
 * For the drivers, after COMMIT succeeded: runs the hooks of `tx`, one after the other. A hook's
 * failure does not undo the commit, so it is not the caller's error: it is passed to `onError`.
 */
export async function runCommitHooks(
  tx: Db,
  database: Database,
  onError: (error: unknown) => void = () => undefined,
): Promise<void> {
  const transaction = transactions.get(tx);
  transactions.delete(tx);
  if (transaction === undefined) return;
  for (const hook of transaction.hooks) {
    try {
      await hook(database);
    } catch (error) {
      onError(error);
    }
  }
}
