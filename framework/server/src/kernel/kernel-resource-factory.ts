import type { KernelConfig } from '../foundation/kernel-config.js';
import type { BootRun } from './boot-run.js';
import { type ResourceHandlerFactory, resourceHandlerFactory } from './plugin-handlers.js';

/**
 * The kernel's resource handler factory: the one the kernel was given, else the engine over the
 * config's cursor secret and list limits. The routes step builds each plugin's handlers with it,
 * the seed step each plugin's engine.
 *
 * @example
 * const resources = kernelResourceFactory(run, config);
 */
export function kernelResourceFactory(run: BootRun, config: KernelConfig): ResourceHandlerFactory {
  return (
    run.options.resourceHandlers ??
    resourceHandlerFactory({
      // the schema requires it outside development and test, where a default exists
      cursorSecret: run.required(config.secrets.cursor, 'secrets.cursor'),
      limits: config.api,
    })
  );
}
