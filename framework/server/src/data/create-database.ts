import type { Database } from './database.js';
import { createPgliteDatabase } from './pglite-database.js';
import { createPostgresDatabase } from './postgres-database.js';

/** Where the embedded database keeps its files when configuration names no other place. */
export const defaultDataDir = '.codexion/data';

export interface DatabaseOptions {
  /**
   * `postgres://…` (or `postgresql://…`) for PostgreSQL; `memory://` or absent for an in-memory
   * PGlite; anything else (a path, or `file://` URL) is the folder of an on-disk PGlite.
   */
  url?: string;
  /** PostgreSQL pool size, at least 2 */
  max?: number;
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  connectTimeoutSeconds?: number;
  applicationName?: string;
  /** PGlite only: a `dumpDataDir()` tarball to start from (fast test databases) */
  loadDataDir?: Blob;
}

/**
 * Opens the database configuration names: PostgreSQL through postgres.js, or embedded PGlite
 * in memory or in a folder. Both come back as the same {@link Database}.
 *
 * @example
 * const database = await createDatabase({ url: process.env.DATABASE_URL ?? defaultDataDir });
 * await database.transaction((tx) => tx.insert(deals).values(row), { tenantId });
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const { url } = options;
  if (url !== undefined && /^postgres(ql)?:\/\//i.test(url)) {
    const { loadDataDir: _pgliteOnly, ...postgresOptions } = options;
    return createPostgresDatabase({ ...postgresOptions, url });
  }
  if (url === undefined || url === '' || url === 'memory://') {
    return createPgliteDatabase(
      options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir },
    );
  }
  const dataDir = url.startsWith('file://') ? new URL(url).pathname : url;
  return createPgliteDatabase({
    dataDir,
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
}
