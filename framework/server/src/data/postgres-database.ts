import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import postgres, { type Options, type PendingQuery, type Row, type Sql, type TransactionSql } from 'postgres';
import {
  lastStatementsFailed,
  runCommitHooks,
  sendLastStatements,
  trackTransaction,
} from './commit-hooks.js';
import type { Database, Db, SqlRow, TransactionOptions } from './database.js';
import { guardTransactionSql, type TransactionState } from './guard-transaction-sql.js';
import { isConnectionLoss, pgErrorOf } from './pg-error.js';
import { createReadLanes } from './pipelined-read.js';
import { contextRole } from './set-transaction-context.js';

export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /**
   * connections, at least 2: half of them (rounded down) serve reads in a tenant, one read after
   * the other on each (see `createReadLanes`), the others are the pool for transactions and other
   * statements, which keeps at least 2 since postgres.js 3.4.9 mixes up transactions on a single
   * connection
   */
  max?: number;
  /** `statement_timeout` of every connection */
  statementTimeoutMs?: number;
  /** `idle_in_transaction_session_timeout` of every connection: a stuck transaction frees its locks */
  idleInTransactionTimeoutMs?: number;
  connectTimeoutSeconds?: number;
  /** shown in `pg_stat_activity` */
  applicationName?: string;
}

/** The dialect drizzle's postgres.js driver builds; one suffices for every transaction. */
const dialect = new PgDialect();

/**
 * `set_config('app.tenant_id', …, true)` and `app.user_id`, as one statement; none when neither is
 * given. With `role` (work in a tenant, see `contextRole`) the same statement sets the `role`
 * setting, i.e. `SET LOCAL ROLE`, so row-level security applies from the next statement on.
 */
function contextStatement(
  sql: TransactionSql,
  { tenantId, userId }: TransactionOptions = {},
  role?: string,
): PendingQuery<Row[]> | undefined {
  if (tenantId === undefined && userId === undefined) return undefined;
  if (role !== undefined) {
    return sql`select set_config('role', ${role}, true), set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('app.user_id', ${userId ?? ''}, true)`;
  }
  return sql`select set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('app.user_id', ${userId ?? ''}, true)`;
}

/** Sends a statement now rather than when it is first awaited. */
const sendNow = (query: { execute(): unknown }) => {
  query.execute();
};

/**
 * What a transaction callback returns once its connection is lost: a promise that never settles.
 * Settling would make postgres.js send COMMIT or ROLLBACK on the dead connection object, which
 * throws an uncaught TypeError from a timer (or commits on the replacement connection); the
 * caller is answered anyway, because `begin()` rejects when the connection closes. Nothing
 * references the pending promise, so it is collected.
 */
function lostConnection(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/**
 * PostgreSQL through postgres.js behind the {@link Database} interface. Timeouts are connection
 * parameters, so every pooled connection has them from its first statement.
 *
 * @example
 * const database = createPostgresDatabase({ url: 'postgres://app@db/app', max: 20 });
 */
export function createPostgresDatabase({
  url,
  max = 10,
  statementTimeoutMs = 30_000,
  idleInTransactionTimeoutMs = 60_000,
  connectTimeoutSeconds = 10,
  applicationName = 'codexion',
}: PostgresDatabaseOptions): Database {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer >= 2, got ${max}`);
  const options = (poolSize: number): Options<Record<string, never>> => ({
    max: poolSize,
    connect_timeout: connectTimeoutSeconds,
    onnotice: () => undefined,
    connection: {
      application_name: applicationName,
      // timestamps come back as `…+00`, which the resource engine maps to ISO without date arithmetic
      TimeZone: 'UTC',
      statement_timeout: statementTimeoutMs,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    },
  });
  const readLanes = Math.max(1, Math.floor(max / 2));
  const client = postgres(url, options(Math.max(2, max - readLanes)));
  const db = drizzle({ client }) as unknown as Db;
  const lanes = createReadLanes(url, readLanes, options(1), dialect);
  let closing: Promise<void> | undefined;
  // the role work in a tenant runs as, for row-level security; see Database.useTenantRole
  let tenantRole: string | undefined;

  const database: Database = {
    kind: 'postgres',
    db,
    read(work, readOptions) {
      const role = contextRole(tenantRole, readOptions);
      return role === undefined || readOptions === undefined ? work(db) : lanes.read(work, role, readOptions);
    },
    useTenantRole(role) {
      tenantRole = role;
    },
    async transaction(work, transactionOptions) {
      for (let attempt = 1; ; attempt++) {
        const state: TransactionState = { open: true };
        let started = false;
        let handle: Db | undefined;
        let last: Promise<unknown>[] = [];
        try {
          const committed = (await client.begin(async (sql) => {
            started = true;
            // drizzle types its session over `Sql`; a transaction handle is what it passes at run
            // time too. Each statement is sent as soon as it is made, so the last ones (`atCommit`)
            // are on their way before postgres.js sends COMMIT behind them.
            const guarded = guardTransactionSql(sql, state, undefined, sendNow) as unknown as Sql;
            const session = new PostgresJsSession(guarded, dialect, undefined);
            const tx = new PostgresJsTransaction(dialect, session as never, undefined) as unknown as Db;
            handle = tx;
            trackTransaction(tx);
            let result: Awaited<ReturnType<typeof work>>;
            try {
              // sent now and not awaited: it goes out with the callback's first statement (one
              // round trip less) and still runs before it, since drizzle takes several more ticks
              const context = contextStatement(
                sql,
                transactionOptions,
                contextRole(tenantRole, transactionOptions),
              )?.execute();
              context?.catch(() => undefined);
              result = await work(tx);
              await context;
              last = sendLastStatements(tx);
            } catch (error) {
              if (!state.open) return lostConnection();
              throw error;
            }
            if (!state.open) return lostConnection();
            return result;
          })) as Awaited<ReturnType<typeof work>>;
          // a failed last statement made that COMMIT a ROLLBACK: nothing committed
          const failed = await lastStatementsFailed(last);
          if (failed !== undefined) throw failed;
          if (handle !== undefined) await runCommitHooks(handle, database);
          return committed;
        } catch (error) {
          // BEGIN never reached a live backend, so `work` did not run: safe to try once more. It
          // happens after a backend is killed: postgres.js hands the dead backend's error to the
          // first query of the reconnected connection, without sending that query.
          if (started || attempt > 1 || !isConnectionLoss(pgErrorOf(error))) throw error;
        } finally {
          // whatever the callback still does after this point must not reach the server
          state.open = false;
        }
      }
    },
    async execute<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      if (params.length > 0) return [...(await client.unsafe<R[]>(text, [...params] as never[]))];
      const result: unknown = await client.unsafe(text);
      // several statements give one result per statement; the last one is the answer
      const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
      return [...(last as R[])];
    },
    async session(work) {
      const own: Sql = postgres(url, { ...options(1), max: 1 });
      try {
        return await work(drizzle({ client: own }) as unknown as Db);
      } finally {
        await own.end({ timeout: 5 });
      }
    },
    async ping() {
      await client`select 1`;
    },
    close() {
      closing ??= Promise.all([client.end({ timeout: 5 }), lanes.close()]).then(() => undefined);
      return closing;
    },
  };
  return database;
}
