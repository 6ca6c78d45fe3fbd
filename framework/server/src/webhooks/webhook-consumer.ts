import type { Logger } from 'pino';
import { afterCommit } from '../data/commit-hooks.js';
import type { EventConsumer } from '../events/event-consumer.js';
import type { EventHandler } from '../events/event-handler.js';
import { recordWebhookDeliveries } from './webhook-deliveries.js';

/** The event consumer that turns events into webhook deliveries (its deliveries, inbox, dead letters). */
export const webhookConsumerName = 'prefiq-webhooks';

/** Enqueues the attempt of a recorded delivery; resolves once it is enqueued. */
export type EnqueueWebhook = (delivery: { tenantId: string; deliveryId: string }) => Promise<void>;

export interface WebhookConsumerOptions {
  /** every event the installed apps declare */
  events: readonly string[];
  /** the job queue's `send`; `undefined` on a node that runs no jobs */
  enqueue: () => EnqueueWebhook | undefined;
  logger: Logger;
}

/**
 * The framework's consumer of every declared event: in the event's tenant transaction it records
 * one delivery per enabled endpoint subscribed to it (once per event and endpoint, however often
 * the event arrives), and once that commits, enqueues each delivery's attempt. On a node that runs
 * no jobs the deliveries stay pending (logged) until `prefiq.sweep-webhooks` finds them stuck and
 * enqueues them (or an operator redelivers them).
 *
 * @example
 * createEventDispatcher({ consumers: [...apps, webhookConsumer({ events, enqueue, logger })], … });
 */
export function webhookConsumer({ events, enqueue, logger }: WebhookConsumerOptions): EventConsumer {
  const handler: EventHandler<unknown> = async (ctx) => {
    const ids = await recordWebhookDeliveries(ctx.tx, ctx.event);
    if (ids.length === 0) return;
    afterCommit(ctx.tx, async () => {
      const send = enqueue();
      if (send === undefined) {
        logger.warn(
          { deliveries: ids.length, event: ctx.event.name },
          'webhook deliveries wait: this node runs no jobs',
        );
        return;
      }
      for (const deliveryId of ids) await send({ tenantId: ctx.event.tenantId, deliveryId });
    });
  };
  return {
    name: webhookConsumerName,
    handlers: new Map(events.map((event) => [event, handler as EventHandler<never>])),
  };
}
