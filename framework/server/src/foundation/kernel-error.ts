/**
 * Codes of the errors that stop the kernel before or while it boots. They never reach an HTTP
 * client (a boot error is a process exit), so they live apart from the HTTP error-code table.
 */
export const kernelErrorCodes = [
  'CONFIG_INVALID',
  'CONFIG_SOURCE_INVALID',
  'CONTAINER_CYCLE',
  'CONTAINER_UNKNOWN_TOKEN',
  'CONTAINER_SCOPE_REQUIRED',
  'CONTAINER_DISPOSED',
  'PLUGIN_INVALID',
  'PLUGIN_DUPLICATE',
  'PLUGIN_FRAMEWORK_RANGE',
  'PLUGIN_MISSING_DEPENDENCY',
  'PLUGIN_DEPENDENCY_RANGE',
  'PLUGIN_CYCLE',
  'PLUGIN_HANDLERS',
  'BOOT_FAILED',
  'KERNEL_STATE',
  'LISTEN_REFUSED',
] as const;

export type KernelErrorCode = (typeof kernelErrorCodes)[number];

/**
 * An error of the kernel itself: bad configuration, a refused plugin, a DI mistake. The message
 * names what is wrong and where, so the boot log alone tells an operator what to fix.
 *
 * @example
 * throw new KernelError('PLUGIN_CYCLE', 'plugin dependency cycle: a -> b -> a');
 */
export class KernelError extends Error {
  readonly code: KernelErrorCode;

  constructor(code: KernelErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KernelError';
    this.code = code;
  }
}
