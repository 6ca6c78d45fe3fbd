import type { TransactionSql } from 'postgres';
import { isConnectionLoss, pgErrorOf } from './pg-error.js';
import { createPreparePolicy, type PreparePolicy } from './prepare-policy.js';

/** Whether a transaction may still send statements; shared by the guard and its owner. */
export interface TransactionState {
  open: boolean;
  /** the error a refused statement fails with; a {@link TransactionClosedError} when absent */
  refusal?: () => Error;
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

/** One policy for the process: which texts are prepared is a property of the app's statements. */
const sharedPreparePolicy = createPreparePolicy();

/**
 * Socket errors postgres.js passes on as they are (no SQLSTATE, no `CONNECTION_*` code): a write
 * to a backend that was just killed fails with ECONNRESET or EPIPE. Missing one leaves the guard
 * open, and postgres.js then sends ROLLBACK on the dead connection object, which garbles the
 * replacement connection's protocol (a later statement waits forever).
 */
const socketLossCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ECONNREFUSED',
  'ENOTCONN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/**
 * Whether a statement's error means its connection is gone: a PostgreSQL or postgres.js
 * connection error, or a socket error, anywhere in the chain of causes.
 *
 * @example
 * isLostConnection(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })); // true
 */
export function isLostConnection(error: unknown): boolean {
  if (isConnectionLoss(pgErrorOf(error))) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const code: unknown = (current as { code?: unknown }).code;
    if (typeof code === 'string' && socketLossCodes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Notes a lost connection on the way past, without changing the query's result. */
function watch<Q extends object>(query: Q, state: TransactionState): Q {
  const proxy: Q = new Proxy(query, {
    get(target, property) {
      if (property === 'then') {
        return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
          (target as unknown as Promise<unknown>).then(onFulfilled, (error: unknown) => {
            if (isLostConnection(error)) state.open = false;
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
 * closes on the first connection-level error or when the owner marks the state closed. Repeated
 * parameterized statements are sent as named prepared statements (see {@link createPreparePolicy}).
 * `afterStatement` sees each statement as it is handed out (a one-statement read sends it, then COMMIT).
 *
 * @example
 * const state = { open: true };
 * await client.begin((sql) => work(guardTransactionSql(sql, state))).finally(() => { state.open = false; });
 */
export function guardTransactionSql(
  sql: TransactionSql,
  state: TransactionState,
  preparePolicy: PreparePolicy = sharedPreparePolicy,
  afterStatement?: (query: { execute(): unknown }) => void,
): TransactionSql {
  const unsafe = ((...args: Parameters<Unsafe>) => {
    if (!state.open) throw state.refusal?.() ?? new TransactionClosedError();
    const [text, parameters, options] = args;
    // drizzle's statements arrive unprepared: a repeated one is prepared, saving a round trip
    const query =
      options?.prepare !== true &&
      Array.isArray(parameters) &&
      parameters.length > 0 &&
      preparePolicy.shouldPrepare(text)
        ? sql.unsafe(text, parameters, { ...options, prepare: true })
        : sql.unsafe(...args);
    afterStatement?.(query);
    return watch(query, state);
  }) as Unsafe;
  const savepoint = ((...args: unknown[]) => {
    if (!state.open) return Promise.reject(new TransactionClosedError());
    const fn = args[args.length - 1];
    if (typeof fn !== 'function') return Reflect.apply(sql.savepoint, sql, args);
    const guarded = (inner: TransactionSql) =>
      (fn as (s: TransactionSql) => unknown)(guardTransactionSql(inner, state, preparePolicy));
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
