import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle database or transaction handle; both drivers (PGlite, postgres.js) give one. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface TransactionOptions {
  /**
   * sets `app.tenant_id` for the transaction (`SET LOCAL`), which row-level security reads; with a
   * tenant role in force (see {@link Database.useTenantRole}) the transaction also runs as that role
   */
  tenantId?: string;
  /** sets `app.user_id` likewise, for audit and policies */
  userId?: string;
}

/** Options of {@link Database.read}. */
export interface ReadOptions extends TransactionOptions {
  /**
   * `work` runs exactly one statement: on PostgreSQL COMMIT then goes out right behind it, in the
   * same round trip, and the connection takes the next read at once. A second statement fails
   * (the transaction already ended).
   */
  oneStatement?: boolean;
}

/** A row as a raw SQL statement returns it: column names as keys, driver values. */
export type SqlRow = Record<string, unknown>;

/**
 * The database the kernel hands to everything that stores data. Chosen by configuration:
 * embedded PGlite (a folder, or `memory://`) or PostgreSQL through postgres.js.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** for single statements outside a transaction */
  readonly db: Db;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * On PGlite transactions are serialized (it has one connection; a second BEGIN would hang),
   * so `work` must use `tx`, never `db` or another `transaction()` (that would wait for itself).
   */
  transaction<T>(work: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs reads in a tenant's context: with a tenant role in force, `work` runs in a read-only
   * transaction as that role with `app.tenant_id` / `app.user_id` set, so row-level security
   * filters every statement (on PostgreSQL the context goes out in the same round trip as the first
   * query, on connections kept for such reads). Without one, or without a tenant, `work` gets `db`
   * as before. Like `transaction`, `work` must use the handle it is given.
   */
  read<T>(work: (db: Db) => Promise<T>, options?: ReadOptions): Promise<T>;
  /**
   * The role that work in a tenant runs as from now on (`SET LOCAL ROLE`): one that does not own
   * the tables, so row-level security applies to it (tenancy's `ensureRowLevelSecurity` creates it
   * and the kernel switches it on at boot). `undefined` switches it off.
   */
  useTenantRole(role: string | undefined): void;
  /**
   * Raw SQL with `$1..$n` parameters, for tools, tests and migrations; returns the rows. Without
   * parameters the text may hold several statements (the rows are then the last statement's).
   */
  execute<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Runs `work` on one connection of its own, outside the pool (PostgreSQL) or alone in the
   * transaction queue (PGlite): for session-level advisory locks and migrations.
   */
  session<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** a cheap round trip, for readiness */
  ping(): Promise<void>;
  /** idempotent */
  close(): Promise<void>;
}
