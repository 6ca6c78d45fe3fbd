import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AppLocation, findApps } from '@codexion/cli/find-apps';
import type { PluginDefinition } from '@codexion/framework';

/** An app of the workspace that Cortex hosts, with its backend plugin. */
export interface HostedApp {
  location: AppLocation;
  plugin: PluginDefinition;
}

function isPlugin(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && 'manifest' in value && 'root' in value;
}

/**
 * The specifier of an app's plugin: its package's public `./server` entry when it exports one
 * (`@codexion/crm/server`), else its `bin/plugin.ts`.
 */
async function pluginSpecifier(location: AppLocation): Promise<string | undefined> {
  const manifestFile = join(location.dir, 'package.json');
  if (existsSync(manifestFile)) {
    const pkg = JSON.parse(await readFile(manifestFile, 'utf8')) as { name?: string; exports?: unknown };
    const exports = typeof pkg.exports === 'object' && pkg.exports !== null ? pkg.exports : {};
    if (pkg.name !== undefined && Object.hasOwn(exports, './server')) return `${pkg.name}/server`;
  }
  const file = join(location.dir, 'bin', 'plugin.ts');
  return existsSync(file) ? pathToFileURL(file).href : undefined;
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
    const specifier = await pluginSpecifier(location);
    if (specifier === undefined) continue;
    const module = (await import(specifier)) as { default?: unknown };
    if (!isPlugin(module.default)) {
      throw new Error(
        `${location.relativeDir}: its plugin module must \`export default definePlugin({ … })\``,
      );
    }
    hosted.push({ location, plugin: module.default });
  }
  return hosted;
}
