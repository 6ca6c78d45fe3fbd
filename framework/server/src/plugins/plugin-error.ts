import { KernelError, type KernelErrorCode } from '../foundation/kernel-error.js';

export type PluginErrorCode = Extract<KernelErrorCode, `PLUGIN_${string}`>;

/**
 * A plugin the kernel refuses to boot: bad manifest or `core/`, framework range not met, a
 * duplicate name, a missing or out-of-range dependency, a dependency cycle, handlers that do not
 * match `core/`. The message names the plugin(s) and what to fix.
 *
 * @example
 * throw new PluginError('PLUGIN_CYCLE', ['a', 'b'], 'plugin dependency cycle: a -> b -> a');
 */
export class PluginError extends KernelError {
  readonly plugins: readonly string[];

  constructor(
    code: PluginErrorCode,
    plugins: readonly string[],
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.name = 'PluginError';
    this.plugins = plugins;
  }
}
