import type { PgDialect } from 'drizzle-orm/pg-core';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import type { Sql, TransactionSql } from 'postgres';
import type { Db, TransactionOptions } from './database.js';
import { guardTransactionSql, type TransactionState } from './guard-transaction-sql.js';
import { isConnectionLoss, pgErrorOf } from './pg-error.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const roleName = /^[a-z_][a-z0-9_]*$/;

/**
 * `BEGIN READ ONLY` and the tenant context as one simple-protocol message. Its values are inlined
 * (a simple query has no parameters), which is safe only because each is checked first: uuids and
 * a plain role name, nothing a client can shape.
 */
export function readPrelude(role: string, { tenantId, userId }: TransactionOptions): string {
  if (!roleName.test(role)) throw new Error(`tenant role "${role}" is not a plain role name`);
  for (const [name, value] of [
    ['tenantId', tenantId],
    ['userId', userId],
  ] as const) {
    if (value !== undefined && !uuid.test(value)) throw new Error(`${name} must be a uuid, got "${value}"`);
  }
  // one statement sets the role and the context (as SET LOCAL): fewer statements per read
  return `begin read only; select set_config('role', '${role}', true), set_config('app.tenant_id', '${tenantId ?? ''}', true), set_config('app.user_id', '${userId ?? ''}', true)`;
}

function lost(error: unknown): boolean {
  return isConnectionLoss(pgErrorOf(error));
}

async function attempt<T>(
  client: Sql,
  dialect: PgDialect,
  work: (db: Db) => Promise<T>,
  prelude: string,
): Promise<T> {
  const reserved = await client.reserve();
  const state: TransactionState = { open: true };
  let connectionLost = false;
  try {
    // not awaited: BEGIN, the role and the context go out with the first query of `work`, and the
    // server runs them first, in order, on this one connection
    const begin = reserved.unsafe(prelude).simple().execute();
    begin.catch((error: unknown) => {
      if (lost(error)) state.open = false;
    });
    // drizzle types its session over `Sql`; a reserved connection is what it needs at run time
    const guarded = guardTransactionSql(reserved as unknown as TransactionSql, state) as unknown as Sql;
    const session = new PostgresJsSession(guarded, dialect, undefined);
    const db = new PostgresJsTransaction(dialect, session as never, undefined) as unknown as Db;
    let result: T;
    try {
      result = await work(db);
    } catch (error) {
      // a failed BEGIN or SET ROLE aborts the transaction: its error, not "transaction aborted", is the cause
      await begin;
      throw error;
    } finally {
      // COMMIT of a failed transaction is a ROLLBACK; either way the connection leaves clean. It
      // must be on the wire before the connection goes back to the pool, so it is awaited. After
      // a lost connection there is nothing to end (and postgres.js would send it on a new one).
      if (state.open) {
        await reserved
          .unsafe('commit')
          .simple()
          .catch((error: unknown) => {
            connectionLost ||= lost(error);
          });
      }
    }
    await begin;
    return result;
  } catch (error) {
    connectionLost ||= lost(error) || !state.open;
    throw error;
  } finally {
    state.open = false;
    // a lost connection is the pool's already (closed, to reconnect): releasing it would hand a
    // dead connection to the next caller
    if (!connectionLost) reserved.release();
  }
}

/**
 * Runs reads as `role` in a tenant, in a read-only transaction on one reserved connection of the
 * pool: `BEGIN READ ONLY; select set_config('role', …, true), set_config(…)` goes out with the
 * first query, so a read by id costs one round trip plus the COMMIT, not three (postgres.js's
 * `begin()` awaits BEGIN).
 * Once after a lost connection it is tried again on another: it only reads.
 *
 * @example
 * const rows = await pipelinedRead(client, dialect, (db) => db.select().from(deals), 'prefiq_app', { tenantId });
 */
export async function pipelinedRead<T>(
  client: Sql,
  dialect: PgDialect,
  work: (db: Db) => Promise<T>,
  role: string,
  options: TransactionOptions,
): Promise<T> {
  const prelude = readPrelude(role, options);
  try {
    return await attempt(client, dialect, work, prelude);
  } catch (error) {
    if (!lost(error)) throw error;
    return attempt(client, dialect, work, prelude);
  }
}
