import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AppLocation, appEntry, findApps } from '@codexion/cli/find-apps';
import type { PluginDefinition } from '@codexion/framework/plugins';

/** An app of the workspace that Cortex hosts, with its backend plugin. */
export interface HostedApp {
  location: AppLocation;
  plugin: PluginDefinition;
}

function isPlugin(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && 'manifest' in value && 'root' in value;
}

/**
 * The file of an app's plugin: what its package exports as `./server` (read from its package.json
 * and found on disk, so an app just scaffolded is hosted before `npm install` links its package),
 * else its `bin/plugin.ts`.
 */
async function pluginFile(location: AppLocation): Promise<string | undefined> {
  const exported = await appEntry(location, './server');
  if (exported !== undefined) return exported;
  const file = join(location.dir, 'bin', 'plugin.ts');
  return existsSync(file) ? file : undefined;
}

/**
 * Every app under `apps/*` with a backend plugin, in path order: their plugins' default exports.
 * The CLI's fixture apps and Cortex itself are not apps to host. `only` narrows them by name.
 *
 * @throws {Error} naming the app whose plugin module does not default-export a plugin
 *
 * @example
 * const apps = await findAppPlugins('/repo'); // [{ location: { name: 'crm', … }, plugin }]
 */
export async function findAppPlugins(root: string, only?: readonly string[]): Promise<HostedApp[]> {
  const locations = (await findApps(root)).filter(
    (location) =>
      location.relativeDir.startsWith('apps/') && (only === undefined || only.includes(location.name)),
  );
  const hosted: HostedApp[] = [];
  for (const location of locations) {
    const file = await pluginFile(location);
    if (file === undefined) continue;
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (!isPlugin(module.default)) {
      throw new Error(
        `${location.relativeDir}: its plugin module must \`export default definePlugin({ … })\``,
      );
    }
    hosted.push({ location, plugin: module.default });
  }
  return hosted;
}
