import type { TransactionSql } from 'postgres';
import { isConnectionLoss, pgErrorOf } from './pg-error.js';

/** Whether a transaction may still send statements; shared by the guard and its owner. */
export interface TransactionState {
  open: boolean;
}

/** A statement refused because its transaction is over: its connection died or it already ended. */
export class TransactionClosedError extends Error {
  override readonly name = 'TransactionClosedError';
  readonly code = 'CONNECTION_CLOSED';

  constructor() {
    super(
      'The transaction is closed (its connection was lost or it already ended); the statement was not sent',
    );
  }
}

type Unsafe = TransactionSql['unsafe'];
type Savepoint = TransactionSql['savepoint'];

/** Notes a lost connection on the way past, without changing the query's result. */
function watch<Q extends object>(query: Q, state: TransactionState): Q {
  const proxy: Q = new Proxy(query, {
    get(target, property) {
      if (property === 'then') {
        return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
          (target as unknown as Promise<unknown>).then(onFulfilled, (error: unknown) => {
            if (isConnectionLoss(pgErrorOf(error))) state.open = false;
            if (onRejected) return onRejected(error);
            throw error;
          });
      }
      if (property === 'values' || property === 'raw') {
        return () => {
          (Reflect.get(target, property) as () => unknown).call(target);
          return proxy;
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

/**
 * Wraps a postgres.js transaction handle so that no statement reaches the server once the
 * transaction is over. postgres.js 3.4.9 keeps the transaction's connection object when its
 * backend dies and may send later statements of the callback on the replacement connection,
 * outside any transaction, where each would commit on its own (a partial commit). The guard
 * closes on the first connection-level error or when the owner marks the state closed.
 *
 * @example
 * const state = { open: true };
 * await client.begin((sql) => work(guardTransactionSql(sql, state))).finally(() => { state.open = false; });
 */
export function guardTransactionSql(sql: TransactionSql, state: TransactionState): TransactionSql {
  const unsafe = ((...args: Parameters<Unsafe>) => {
    if (!state.open) throw new TransactionClosedError();
    return watch(sql.unsafe(...args), state);
  }) as Unsafe;
  const savepoint = ((...args: unknown[]) => {
    if (!state.open) return Promise.reject(new TransactionClosedError());
    const fn = args[args.length - 1];
    if (typeof fn !== 'function') return Reflect.apply(sql.savepoint, sql, args);
    const guarded = (inner: TransactionSql) =>
      (fn as (s: TransactionSql) => unknown)(guardTransactionSql(inner, state));
    return Reflect.apply(sql.savepoint, sql, [...args.slice(0, -1), guarded]);
  }) as Savepoint;
  return new Proxy(sql, {
    get(target, property) {
      if (property === 'unsafe') return unsafe;
      if (property === 'savepoint') return savepoint;
      return Reflect.get(target, property);
    },
  });
}
