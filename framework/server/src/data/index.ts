// @codexion/framework/data: databases (PGlite or PostgreSQL), migrations and commit hooks (docs/adr/0024)
export { afterCommit, type CommitHook } from './commit-hooks.js';
export {
  createDatabase,
  type DatabaseOptions,
  defaultDataDir,
} from './create-database.js';
export type { Database, Db, ReadOptions, TransactionOptions } from './database.js';
export { executeRows } from './execute-rows.js';
export {
  type JoinsTransaction,
  joinsTransaction,
  joinTransaction,
  type TransactionScope,
} from './join-transaction.js';
export { type PgErrorInfo, pgErrorOf } from './pg-error.js';
export {
  type MigrationSource,
  migrationsSchema,
  type PluginMigrations,
  pendingMigrations,
  runMigrations,
} from './run-migrations.js';
export { servicesInTransaction } from './services-in-transaction.js';
