import type { ResourceAccessor } from '../resources/bind-resources.js';
import type { PluginContext } from '../resources/resource-hooks.js';
import type { EventEnvelope } from './event-envelope.js';

/**
 * What an event's handler gets: a transaction of its own in the event's tenant (its effect, the
 * consumer's inbox row and the end of the delivery commit together), no user, and the event.
 */
export interface EventContext extends PluginContext {
  /** the event's envelope: id (the inbox's key), name, aggregate key, time, version */
  event: EventEnvelope;
  /**
   * The consuming app's records, written in this transaction through its resource engine — the
   * same validation, rules, hooks and audit entries as a request's — by the system (no user, every
   * permission): `await ctx.resources('invoice').create({ … })`.
   */
  resources: ResourceAccessor;
}

/**
 * Handles one event, after the transaction that emitted it has committed: called with a
 * transaction of its own in the event's tenant and the payload, typed by the producer's contract.
 * A throw rolls back its effect and the delivery is retried (backoff, then a dead letter); a
 * redelivery of an event it handled does not call it again.
 *
 * @example
 * const onWon: EventHandler<CrmDealWonEvent> = (ctx, deal) => ctx.logger.info({ amount: deal.amount }, 'won');
 */
export type EventHandler<P = unknown> = (ctx: EventContext, payload: P) => Promise<void> | void;
