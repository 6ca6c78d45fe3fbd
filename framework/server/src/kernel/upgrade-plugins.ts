import type { Database } from '../data/database.js';
import type { LifecycleContext } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { kernelTablesExist, readPluginVersions, recordPluginVersion } from './kernel-tables.js';

/** A plugin whose version differs from the one that last booted on this database. */
export interface PluginUpgrade {
  plugin: string;
  /** undefined: first boot */
  from: string | undefined;
  to: string;
}

/** The upgrades a boot would run, read-only (for `--dry-run`). */
export async function planUpgrades(
  database: Database | undefined,
  plugins: readonly RegisteredPlugin[],
): Promise<PluginUpgrade[]> {
  const versions =
    database && (await kernelTablesExist(database.db))
      ? await readPluginVersions(database.db)
      : new Map<string, string>();
  return plugins
    .map((p) => ({ plugin: p.name, from: versions.get(p.name), to: p.version }))
    .filter((u) => u.from !== u.to);
}

/**
 * Calls `onUpgrade(from, to)` of each plugin whose version changed, in dependency order, then
 * records the version. A hook runs before its version is recorded, so a failed upgrade is retried
 * on the next boot: hooks must be idempotent (two nodes booting at once may both run one).
 *
 * @example
 * await upgradePlugins(database, registry.plugins, contextOf) // [{ plugin: 'sales', from: '0.1.0', to: '0.2.0' }]
 */
export async function upgradePlugins(
  database: Database,
  plugins: readonly RegisteredPlugin[],
  contextOf: (plugin: RegisteredPlugin) => LifecycleContext,
): Promise<PluginUpgrade[]> {
  const upgrades = await planUpgrades(database, plugins);
  for (const upgrade of upgrades) {
    const plugin = plugins.find((p) => p.name === upgrade.plugin);
    if (!plugin) continue;
    try {
      await plugin.definition.onUpgrade?.call(plugin.definition, upgrade.from, upgrade.to, contextOf(plugin));
    } catch (error) {
      throw new Error(
        `plugin "${plugin.name}" failed in onUpgrade(${upgrade.from ?? 'none'} -> ${upgrade.to}): ${(error as Error).message}`,
        { cause: error },
      );
    }
    await recordPluginVersion(database.db, plugin.name, plugin.version);
  }
  return upgrades;
}
