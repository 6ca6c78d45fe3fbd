import type { ResourceEngine } from '../resources/resource-engine.js';
import type { EventHandler } from './event-handler.js';

/**
 * One consumer of events: an app (its plugin's name) and its handlers by event name. Each
 * consumer has its own deliveries, inbox and (on RabbitMQ) queue: one failing does not hold the
 * others back.
 *
 * @example
 * const consumer: EventConsumer = { name: 'sales', handlers: new Map([['crm.deal.won', onWon]]) };
 */
export interface EventConsumer {
  name: string;
  handlers: ReadonlyMap<string, EventHandler<never>>;
  /** the app's resource engine, which its handlers write through (`ctx.resources`); none for the framework's consumers */
  engine?: ResourceEngine;
}

/**
 * The consumers of a set of plugins: each plugin with at least one subscriber, by its name.
 *
 * @example
 * eventConsumers(registry.plugins.map((p) => ({ name: p.name, subscribers: p.definition.subscribers })));
 */
export function eventConsumers(
  plugins: readonly {
    name: string;
    subscribers?: Readonly<Record<string, EventHandler<never> | undefined>>;
    engine?: ResourceEngine;
  }[],
): EventConsumer[] {
  const consumers: EventConsumer[] = [];
  for (const { name, subscribers = {}, engine } of plugins) {
    const handlers = new Map<string, EventHandler<never>>();
    for (const [event, handler] of Object.entries(subscribers)) {
      if (handler !== undefined) handlers.set(event, handler);
    }
    if (handlers.size > 0) consumers.push({ name, handlers, ...(engine === undefined ? {} : { engine }) });
  }
  return consumers;
}
