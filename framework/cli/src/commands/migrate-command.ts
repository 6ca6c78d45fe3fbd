import { existsSync } from 'node:fs';
import { KernelError } from '@codexion/framework/foundation';
import { createKernel } from '@codexion/framework/kernel';
import type { PluginDefinition } from '@codexion/framework/plugins';
import type { Output } from '../output.js';
import { type AppLocation, findApps } from '../workspace/find-apps.js';
import { formatBootReport } from './format-boot-report.js';
import { configRootOf, loadAppPlugin, pluginModulePath } from './load-app-plugin.js';

export interface MigrateOptions {
  root: string;
  /** one app; every app with a `bin/plugin.ts` unless given */
  app?: string;
  /** print the pending migrations and change nothing */
  dryRun?: boolean;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `prefiq migrate [--app <name>] [--dry-run]`: boots the app's plugin (or every app's, together,
 * in dependency order) with `migrateOnly`: migrations, `onUpgrade` hooks, seeds when enabled; no
 * server. Returns the exit code.
 *
 * @example
 * await migrateCommand({ root: '/repo' }, output) // migrates every app
 */
export async function migrateCommand(
  { root, app, dryRun = false, env }: MigrateOptions,
  out: Output,
): Promise<number> {
  const all = await findApps(root);
  let locations: AppLocation[];
  if (app) {
    const location = all.find((a) => a.name === app);
    if (!location) {
      out.error(`no app named "${app}" (looked for <dir>/${app}/core/app.json)`);
      return 2;
    }
    locations = [location];
  } else {
    locations = all.filter((a) => existsSync(pluginModulePath(a)));
    if (locations.length === 0) {
      out.error('no app has a bin/plugin.ts: nothing to migrate');
      return 1;
    }
  }
  let kernel: ReturnType<typeof createKernel> | undefined;
  try {
    const plugins: PluginDefinition[] = [];
    for (const location of locations) plugins.push(await loadAppPlugin(location, root));
    kernel = createKernel({
      root: configRootOf(locations.length === 1 ? locations[0] : undefined, root),
      plugins,
      ...(env ? { env } : {}),
    });
    const report = await kernel.boot(dryRun ? { dryRun: true } : { migrateOnly: true });
    for (const line of formatBootReport(report)) out.info(line);
    return 0;
  } catch (error) {
    out.error(
      `✗ migrate: ${error instanceof KernelError ? error.message : ((error as Error).stack ?? String(error))}`,
    );
    return 1;
  } finally {
    await kernel?.shutdown('migrate done').catch(() => undefined);
  }
}
