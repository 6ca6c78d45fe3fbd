import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snakeCase } from '@codexion/schema';
import type { Database } from '../data/database.js';
import {
  type MigrationSource,
  type PluginMigrations,
  pendingMigrations,
  runMigrations,
} from '../data/run-migrations.js';
import { KernelError } from '../foundation/kernel-error.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { ensureKernelTables, kernelTablesExist } from './kernel-tables.js';

/** The migration folders of the plugins that have one, in plugin (dependency) order. */
export function migrationSources(plugins: readonly RegisteredPlugin[]): MigrationSource[] {
  return plugins.flatMap((plugin) =>
    plugin.migrationsFolder === undefined
      ? []
      : [{ name: plugin.name, migrationsFolder: plugin.migrationsFolder, schema: snakeCase(plugin.name) }],
  );
}

/** Every migration of each journal: what is pending on a database that does not exist yet. */
async function allMigrations(sources: readonly MigrationSource[]): Promise<PluginMigrations[]> {
  const result: PluginMigrations[] = [];
  for (const source of sources) {
    const text = await readFile(join(source.migrationsFolder, 'meta', '_journal.json'), 'utf8');
    const { entries = [] } = JSON.parse(text) as { entries?: { tag: string }[] };
    result.push({ name: source.name, tags: entries.map((e) => e.tag) });
  }
  return result;
}

/**
 * What `--dry-run` reports: the migrations each plugin would apply. Without a database (an
 * embedded one whose folder does not exist yet), everything in the journals.
 */
export async function planMigrations(
  database: Database | undefined,
  sources: readonly MigrationSource[],
): Promise<PluginMigrations[]> {
  return database ? pendingMigrations(database, sources) : allMigrations(sources);
}

/** Applies the plugins' migrations in order, then makes sure the kernel's own tables exist. */
export async function applyMigrations(
  database: Database,
  sources: readonly MigrationSource[],
): Promise<PluginMigrations[]> {
  const applied = await runMigrations(database, sources);
  await ensureKernelTables(database.db);
  return applied;
}

/**
 * With `migrations.runOnBoot: false` the database must already be migrated (by `prefiq migrate`):
 * a node must not serve a schema its code does not match.
 *
 * @throws {KernelError} `BOOT_FAILED` naming the pending migrations
 */
export async function requireMigrated(
  database: Database,
  sources: readonly MigrationSource[],
): Promise<void> {
  const pending = (await pendingMigrations(database, sources)).filter((p) => p.tags.length > 0);
  if (pending.length > 0) {
    const list = pending.map((p) => `${p.name}: ${p.tags.join(', ')}`).join('; ');
    throw new KernelError(
      'BOOT_FAILED',
      `pending migrations (${list}) and migrations.runOnBoot is off: run \`prefiq migrate\``,
    );
  }
  if (!(await kernelTablesExist(database.db))) {
    throw new KernelError(
      'BOOT_FAILED',
      'the kernel tables (prefiq.*) are missing and migrations.runOnBoot is off: run `prefiq migrate`',
    );
  }
}
