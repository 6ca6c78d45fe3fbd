import type { Logger } from 'pino';

/** The steps of a boot, in order; each is logged as one line. */
export type BootStepName =
  | 'config'
  | 'container'
  | 'providers'
  | 'plugins'
  | 'migrations'
  | 'routes'
  | 'jobs'
  | 'health'
  | 'ready';

/** The steps of a shutdown, in order. */
export type ShutdownStepName = 'drain' | 'hooks' | 'dispose';

/**
 * Runs one step and logs it as one structured line: `{ step, trace_id, duration_ms, ...details }`
 * (`ok: false` and the error when it fails, which is then rethrown). `work` returns the details.
 *
 * @example
 * await runStep(() => logger, traceId, 'config', async () => ({ sources: ['defaults'] }));
 */
export async function runStep<T extends Record<string, unknown>>(
  /** read after the step, so a step that replaces the logger (config) logs through the new one */
  logger: () => Logger,
  traceId: string,
  step: BootStepName | ShutdownStepName,
  work: () => Promise<T> | T,
  message = 'boot step',
): Promise<T> {
  const started = performance.now();
  const duration = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    const details = await work();
    const line: Record<string, unknown> = {
      step,
      trace_id: traceId,
      duration_ms: duration(),
      ok: true,
      ...details,
    };
    logger().info(line, message);
    return details;
  } catch (error) {
    logger().error(
      { step, trace_id: traceId, duration_ms: duration(), ok: false, err: error },
      `${message} failed`,
    );
    throw error;
  }
}
