import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { AppLocation } from '../workspace/find-apps.js';

/** `<app>/bin/plugin.ts`: where an app's backend plugin lives. */
export function pluginModulePath(location: AppLocation): string {
  return join(location.dir, 'bin', 'plugin.ts');
}

/**
 * Imports an app's plugin (the default export of `bin/plugin.ts`) and checks it looks like one.
 *
 * @example
 * const plugin = await loadAppPlugin(location, root); // definePlugin({...}) of apps/crm
 */
export async function loadAppPlugin(location: AppLocation, root: string): Promise<PluginDefinition> {
  const file = pluginModulePath(location);
  if (!existsSync(file))
    throw new Error(`${relative(root, file)} does not exist: the app has no backend plugin`);
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const plugin = module.default;
  if (typeof plugin !== 'object' || plugin === null || !('manifest' in plugin) || !('root' in plugin)) {
    throw new Error(`${relative(root, file)} must \`export default definePlugin({ manifest, root, ... })\``);
  }
  return plugin as PluginDefinition;
}

/** The folder holding `config/` for an app: its own when it has one, else the workspace's. */
export function configRootOf(location: AppLocation | undefined, root: string): string {
  return location && existsSync(join(location.dir, 'config')) ? location.dir : root;
}
