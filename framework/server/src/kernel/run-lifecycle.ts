import type { Logger } from 'pino';
import type { LifecycleContext } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';

export type LifecycleHookName = 'onPreboot' | 'onBoot' | 'onReady' | 'onShutdown';

export interface RunLifecycleOptions {
  /** last plugin first (shutdown) */
  reverse?: boolean;
  /** log a failing hook and go on to the next (shutdown must reach every plugin) */
  continueOnError?: boolean;
  logger: Logger;
}

/**
 * Calls one lifecycle hook on every plugin that has it, in dependency order (or reverse), each
 * with its context. Returns the names of the plugins called. A failure names the plugin and hook.
 *
 * @example
 * await runLifecycle(registry.plugins, 'onBoot', contextOf, { logger });
 */
export async function runLifecycle(
  plugins: readonly RegisteredPlugin[],
  hook: LifecycleHookName,
  contextOf: (plugin: RegisteredPlugin) => LifecycleContext,
  { reverse = false, continueOnError = false, logger }: RunLifecycleOptions,
): Promise<string[]> {
  const called: string[] = [];
  for (const plugin of reverse ? [...plugins].reverse() : plugins) {
    const run = plugin.definition[hook];
    if (!run) continue;
    try {
      await run.call(plugin.definition, contextOf(plugin));
    } catch (error) {
      const wrapped = new Error(`plugin "${plugin.name}" failed in ${hook}: ${(error as Error).message}`, {
        cause: error,
      });
      if (!continueOnError) throw wrapped;
      logger.error({ plugin: plugin.name, hook, err: error }, wrapped.message);
    }
    called.push(plugin.name);
  }
  return called;
}
