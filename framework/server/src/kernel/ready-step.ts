import { EventDispatcherToken, startEvents } from './boot-events.js';
import type { BootRun } from './boot-run.js';
import { kernelResourceFactory } from './kernel-resource-factory.js';
import { runLifecycle } from './run-lifecycle.js';

/**
 * The ready step: the boot's duration, then (not in a dry run) event delivery, which starts once
 * every consumer's plugin has booted, the kernel `ready`, and the plugins' `onReady` hooks.
 *
 * @example
 * await runStep(log, traceId, 'ready', () => readyStep(run));
 */
export async function readyStep(run: BootRun): Promise<Record<string, unknown>> {
  const { parts, report } = run;
  report.durationMs = Math.round(performance.now() - run.started);
  if (run.dryRun) {
    parts.state = 'booted';
    return { dry_run: true, boot_ms: report.durationMs };
  }
  const plugins = run.required(parts.registry, 'plugins').plugins;
  const config = run.required(parts.config, 'config');
  const delivery = await startEvents({
    database: run.required(parts.database, 'the database'),
    plugins,
    config: config.events,
    resources: kernelResourceFactory(run, config),
    logger: parts.logger,
    services: run.services,
    frameworkConsumers: [run.required(run.parts.webhooks, 'webhooks').consumer(parts.logger)],
  });
  parts.events = delivery.dispatcher;
  run.container.value(EventDispatcherToken, delivery.dispatcher);
  parts.state = 'ready';
  const onReady = await runLifecycle(plugins, 'onReady', run.contextOf, { logger: parts.logger });
  return { boot_ms: report.durationMs, onReady, events: delivery.summary };
}
