import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import { createAmqpTransport } from '../events/amqp-transport.js';
import { type EventConsumer, eventConsumers } from '../events/event-consumer.js';
import { createEventDispatcher, type EventDispatcher } from '../events/event-dispatcher.js';
import { createToken } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { KernelError } from '../foundation/kernel-error.js';
import { redactUrlPassword } from '../foundation/redact-config.js';
import type { Services } from '../foundation/services.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import type { ResourceHandlerFactory } from './plugin-handlers.js';

/** The node's event dispatcher, once the kernel is ready (tests `drain()` it). */
export const EventDispatcherToken = createToken<EventDispatcher>('kernel.events');

/**
 * Every plugin's subscribers must be to an event its app declares (`events`) or consumes
 * (`consumes`), and every consumed event needs its subscriber: a typo would otherwise never be
 * delivered, silently.
 *
 * @throws {KernelError} PLUGIN_HANDLERS naming the plugin and the event
 */
export function checkSubscribers(plugins: readonly RegisteredPlugin[]): void {
  const problems: string[] = [];
  for (const plugin of plugins) {
    const { manifest } = plugin.model;
    const subscribers = plugin.definition.subscribers ?? {};
    const own = new Set((manifest.events ?? []).map((e) => e.name));
    const consumed = new Set((manifest.consumes ?? []).map((c) => c.event));
    for (const [event, handler] of Object.entries(subscribers)) {
      if (handler === undefined) continue;
      if (!own.has(event) && !consumed.has(event)) {
        problems.push(
          `${plugin.name} subscribes to ${event}, which its core/app.json neither declares nor consumes`,
        );
      }
    }
    for (const event of consumed) {
      if (subscribers[event] === undefined) {
        problems.push(
          `${plugin.name} consumes ${event} (core/app.json) but its plugin has no subscriber for it`,
        );
      }
    }
  }
  if (problems.length > 0) throw new KernelError('PLUGIN_HANDLERS', problems.join('; '));
}

export interface StartEventsOptions {
  database: Database;
  plugins: readonly RegisteredPlugin[];
  config: KernelConfig['events'];
  logger: Logger;
  /** the kernel's services, for the subscribers' `ctx.services` */
  services: Services;
  /** the framework's own consumers (outbound webhooks), beside the plugins' */
  frameworkConsumers?: readonly EventConsumer[];
  /** builds a consuming plugin's resource engine, which its subscribers write through (`ctx.resources`) */
  resources?: ResourceHandlerFactory;
}

/**
 * Starts the node's event dispatcher for the plugins' subscribers: in-process, or through
 * RabbitMQ when `events.amqpUrl` (`CODEXION_AMQP_URL`) is set. What the boot step logs.
 *
 * @example
 * const { dispatcher, summary } = await startEvents({ database, plugins, config: config.events, logger, services });
 */
export async function startEvents({
  database,
  plugins,
  config,
  logger,
  services,
  frameworkConsumers = [],
  resources,
}: StartEventsOptions) {
  const subscribing = await Promise.all(
    plugins.map(async (p) => ({
      name: p.name,
      ...(p.definition.subscribers === undefined ? {} : { subscribers: p.definition.subscribers }),
      ...(p.definition.subscribers === undefined || resources === undefined
        ? {}
        : { engine: (await resources(p, database, services)).engine }),
    })),
  );
  const consumers = [...eventConsumers(subscribing), ...frameworkConsumers];
  const transport =
    config.amqpUrl === undefined
      ? undefined
      : createAmqpTransport({ url: config.amqpUrl, logger, prefix: config.amqpPrefix });
  const dispatcher = createEventDispatcher({
    database,
    consumers,
    logger,
    services,
    transport,
    pollIntervalMs: config.pollIntervalMs,
    leaseMs: config.leaseMs,
    retry: {
      maxAttempts: config.maxAttempts,
      baseDelayMs: config.retryBaseMs,
      maxDelayMs: config.retryMaxMs,
    },
  });
  await dispatcher.start();
  return {
    dispatcher,
    summary: {
      transport:
        config.amqpUrl === undefined
          ? 'in-process'
          : `amqp ${redactUrlPassword(config.amqpUrl)} (${config.amqpPrefix}.events)`,
      consumers: consumers.map((c) => `${c.name} (${[...c.handlers.keys()].join(', ')})`),
    },
  };
}
