import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Options, type Sql } from 'postgres';
import { runCommitHooks } from './commit-hooks.js';
import { createConnectionLanes, writeContext } from './connection-lanes.js';
import type { Database, Db, SqlRow } from './database.js';
import { contextRole } from './set-transaction-context.js';

export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /**
   * connections, at least 2. The pool for single statements keeps 1 (2 from 8 on); of the others,
   * half (rounded up, at least 2) serve write transactions, one at a time each, and the rest reads
   * in a tenant, one read after the other on each (see `createConnectionLanes`). Below 4, up to 4
   * are opened all the same: every kind needs its own, and transactions two.
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
  const pooled = max >= 8 ? 2 : 1;
  const writes = Math.max(2, Math.ceil((max - pooled) / 2));
  const reads = Math.max(1, max - pooled - writes);
  const client = postgres(url, options(pooled));
  const db = drizzle({ client }) as unknown as Db;
  const lanes = createConnectionLanes(url, { reads, writes }, options(1), dialect);
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
      const { result, tx } = await lanes.write(
        work,
        writeContext(contextRole(tenantRole, transactionOptions), transactionOptions),
      );
      await runCommitHooks(tx, database);
      return result;
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
