import { fileURLToPath } from 'node:url';
import type { MigrationSource } from '../data/run-migrations.js';

/** `migrations/<area>` of this package, found from this module, not the working directory. */
function folder(area: string): string {
  return fileURLToPath(new URL(`../../migrations/${area}`, import.meta.url));
}

/**
 * The framework's own tables (schema `prefiq`), as versioned migrations of built-in sources,
 * applied in this order before any plugin's: identity (users, sessions, keys), then tenancy
 * (tenants, roles; may reference users), then audit, then the idempotency store, then events, then webhooks, then the append-only guard, then the number series, then the saga runs. One list, in one place: append a source
 * here, never apply framework tables elsewhere.
 *
 * @example
 * await runMigrations(database, [...frameworkMigrations, ...migrationSources(plugins)]);
 */
export const frameworkMigrations: readonly MigrationSource[] = [
  { name: 'prefiq-identity', migrationsFolder: folder('identity'), schema: 'prefiq' },
  // tenants, roles, memberships (references prefiq.users), with their row-level security
  { name: 'prefiq-tenancy', migrationsFolder: folder('tenancy'), schema: 'prefiq' },
  // the audit log references no other framework table, and every write ends up in it
  { name: 'prefiq-audit', migrationsFolder: folder('audit'), schema: 'prefiq' },
  // the responses kept for Idempotency-Key retries; references nothing
  { name: 'prefiq-idempotency', migrationsFolder: folder('idempotency'), schema: 'prefiq' },
  // the transactional outbox, consumers' deliveries and inboxes (ADR 0018)
  { name: 'prefiq-events', migrationsFolder: folder('events'), schema: 'prefiq' },
  // tenants' webhook endpoints and their deliveries (ADR 0026); references nothing outside
  { name: 'prefiq-webhooks', migrationsFolder: folder('webhooks'), schema: 'prefiq' },
  // prefiq.refuse_change(), the trigger function of apps' append-only tables (ADR 0027 §4)
  { name: 'prefiq-append-only', migrationsFolder: folder('append-only'), schema: 'prefiq' },
  // prefiq.number_series, the gapless document numbers of NumberingToken (ADR 0027 §10)
  { name: 'prefiq-numbering', migrationsFolder: folder('numbering'), schema: 'prefiq' },
  // prefiq.saga_runs, the persisted runs of declared sagas (ADR 0028)
  { name: 'prefiq-sagas', migrationsFolder: folder('sagas'), schema: 'prefiq' },
];
