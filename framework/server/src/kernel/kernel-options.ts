import type { DestinationStream, Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { PluginMigrations } from '../data/run-migrations.js';
import type { ConfigInput } from '../foundation/kernel-config.js';
import type { ServiceProvider } from '../foundation/service-provider.js';
import type { StaticUiOptions } from '../http/static-ui.js';
import type { PluginDefinition } from '../plugins/define-plugin.js';
import type { RouteEntry } from './list-routes.js';
import type { ResourceHandlerFactory } from './plugin-handlers.js';
import type { SeededTenant } from './seed-plugins.js';
import type { PluginUpgrade } from './upgrade-plugins.js';

export interface KernelOptions {
  /** the folder holding `config/` (an app, or the workspace); `database.dataDir` is relative to it */
  root: string;
  plugins: readonly PluginDefinition[];
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** config applied over files and environment (tests, embedding) */
  overrides?: ConfigInput;
  /** kernel-level service providers (an embedding host's), run before the plugins' */
  providers?: readonly ServiceProvider[];
  /** use this logger instead of making one from the config */
  logger?: Logger;
  /**
   * a database to use instead of opening the one the config names (tests: `createTestDatabase`;
   * embedding). The kernel owns it from then on and closes it on shutdown.
   */
  database?: Database;
  /** where the kernel's own logger writes (tests); stdout unless given */
  logDestination?: DestinationStream | NodeJS.WritableStream;
  /** the CRUD handlers of each plugin's entities; the resource engine's (with `api` limits, `secrets.cursor`) unless given */
  resourceHandlers?: ResourceHandlerFactory;
  /** checked against each plugin's framework range; this package's version unless given */
  frameworkVersion?: string;
  /** one trace id for the whole boot; a new one unless given */
  traceId?: string;
  /** a built web UI served beside the API on the same port (`prefiq serve` passes the app's `dist/web`) */
  staticUi?: StaticUiOptions;
}

export interface BootOptions {
  /** check and plan only: nothing is created, migrated, seeded or served */
  dryRun?: boolean;
  /** migrate (and upgrade, and seed when on), then stop before routes */
  migrateOnly?: boolean;
  /** seed demo data; `seed.enabled` of the config unless given */
  seed?: boolean;
}

export type BootMode = 'serve' | 'dry-run' | 'migrate-only';

/** What a boot did, or with `dryRun` would do. */
export interface BootReport {
  traceId: string;
  mode: BootMode;
  durationMs: number;
  /** in boot order */
  plugins: { name: string; version: string; dependencies: Record<string, string> }[];
  /** dry run: pending migrations per plugin; otherwise: the ones this boot applied */
  migrations: PluginMigrations[];
  /** the same for the framework's own sources (`prefiq-identity`, …), applied before the plugins' */
  frameworkMigrations: PluginMigrations[];
  /** dry run: upgrades that would run; otherwise: the ones that ran */
  upgrades: PluginUpgrade[];
  seeded: SeededTenant[];
  /** empty with `migrateOnly` */
  routes: RouteEntry[];
  /** `pglite <dataDir>` or the PostgreSQL URL without its password */
  database: string;
}

export type KernelState = 'created' | 'booting' | 'booted' | 'ready' | 'stopping' | 'stopped' | 'failed';

export interface ListenOptions {
  /** the config's `http.port` unless given; 0 picks a free port */
  port?: number;
  host?: string;
}
