import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { runCommitHooks, sendLastStatements, trackTransaction } from './commit-hooks.js';
import type { Database, Db, SqlRow, TransactionOptions } from './database.js';
import { contextRole, setTransactionContext } from './set-transaction-context.js';

export interface PgliteDatabaseOptions {
  /** a folder to keep the data in (created if missing); in memory when absent */
  dataDir?: string;
  /** a `dumpDataDir()` tarball to start from, for fast test databases */
  loadDataDir?: Blob;
}

/** The embedded database, which can also be dumped as a tarball (to seed test databases). */
export interface EmbeddedDatabase extends Database {
  readonly kind: 'pglite';
  /** the data folder as an uncompressed tarball, for `loadDataDir` */
  dumpDataDir(): Promise<Blob>;
}

/**
 * Embedded PostgreSQL (PGlite, PostgreSQL 18 in WebAssembly) behind the {@link Database} interface.
 * PGlite has one connection: transactions and sessions wait their turn in one queue.
 *
 * @example
 * const database = await createPgliteDatabase({ dataDir: '.codexion/data' });
 */
export async function createPgliteDatabase({
  dataDir,
  loadDataDir,
}: PgliteDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(
    dataDir ?? 'memory://',
    loadDataDir === undefined ? {} : { loadDataDir },
  );
  const db = drizzle({ client }) as unknown as Db;
  // Every transaction and session runs after the previous one settles: PGlite would otherwise
  // interleave them on its single connection, or hang on a second BEGIN.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  let closing: Promise<void> | undefined;
  // PGlite's user is a superuser, whom row-level security never restricts: work in a tenant must
  // switch to a normal role for the policies to apply
  let tenantRole: string | undefined;
  const inTransaction = async <T>(work: (tx: Db) => Promise<T>, options: TransactionOptions | undefined) => {
    let handle: Db | undefined;
    const result = await enqueue(() =>
      db.transaction(async (tx) => {
        const own = tx as unknown as Db;
        handle = own;
        trackTransaction(own);
        await setTransactionContext(tx, options, contextRole(tenantRole, options));
        const done = await work(tx);
        for (const sent of sendLastStatements(own)) await sent;
        return done;
      }),
    );
    // after the queue moved on: a hook may run transactions of its own
    if (handle !== undefined) await runCommitHooks(handle, database);
    return result;
  };

  const database: EmbeddedDatabase = {
    kind: 'pglite',
    db,
    transaction: inTransaction,
    read: (work, options) =>
      contextRole(tenantRole, options) === undefined ? work(db) : inTransaction(work, options),
    useTenantRole(role) {
      tenantRole = role;
    },
    async execute<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      if (params.length > 0) return (await client.query<R>(text, [...params])).rows;
      const results = await client.exec(text);
      return (results.at(-1)?.rows ?? []) as R[];
    },
    session: (work) => enqueue(() => work(db)),
    dumpDataDir: () => enqueue(() => client.dumpDataDir('none')),
    async ping() {
      await client.query('select 1');
    },
    close() {
      closing ??= queue.then(() => (client.closed ? undefined : client.close()));
      return closing;
    },
  };
  return database;
}
