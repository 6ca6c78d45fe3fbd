import type { HookContext, PluginContext } from '../resources/resource-hooks.js';
import { defaultAggregateKey } from './event-envelope.js';
import type { EventHandler } from './event-handler.js';
import { type DeclaredEvent, eventPayloadCheck } from './event-payload-check.js';
import { writeOutboxEvent } from './write-outbox-event.js';

/**
 * Handlers of events by name, each typed by its payload.
 *
 * @example
 * const subscribers: EventSubscribers<CrmContract['events']> = { 'crm.deal.won': (ctx, deal) => invoice(ctx, deal) };
 */
export type EventSubscribers<E extends Record<string, unknown>> = {
  [N in keyof E]?: EventHandler<E[N]>;
};

/** What `emit` may be told beyond the event. */
export interface EmitOptions {
  /** the aggregate the event orders by; `app.entity:<entityId>` of the payload unless given */
  aggregateKey?: string;
}

/**
 * Where an app's services and hooks put the events of a change, typed by the app's contract.
 *
 * @example
 * await events.emit(ctx, 'crm.person.merged', { personId, mergedIds });
 */
export interface EventOutbox<E extends Record<string, unknown>> {
  emit<N extends Extract<keyof E, string>>(
    ctx: PluginContext | HookContext,
    name: N,
    payload: E[N],
    options?: EmitOptions,
  ): Promise<void>;
}

/** What an outbox is made with. */
export interface EventOutboxOptions {
  /**
   * the events `core/app.json` declares: when given, `emit` refuses an event not declared there
   * and a payload its schema does not accept (see `eventPayloadCheck`), before anything is written
   */
  events?: readonly DeclaredEvent[];
}

/**
 * An app's transactional outbox (ADR 0018): `emit` appends the event to `prefiq.event_outbox` in
 * the caller's transaction (`ctx.tx`, in its tenant), so the event exists exactly when the change
 * commits: a rolled-back write emits nothing. Once the transaction has committed, the node's
 * event dispatcher is woken and delivers the event to every consumer that subscribed to it
 * (in-process, or through RabbitMQ), at least once, in order per aggregate key; consumers'
 * inboxes make a redelivery harmless. A consumer's failure never reaches the writer. Given the
 * app's declared `events`, a payload is checked against its schema first: an invalid one throws
 * (a 500 naming each field path and reason) and the caller's transaction rolls back.
 *
 * @example
 * const events = createEventOutbox<CrmContract['events']>({ events: manifest.events });
 * await events.emit(ctx, 'crm.deal.won', { dealId, title, amount, … });
 */
export function createEventOutbox<E extends Record<string, unknown>>({
  events,
}: EventOutboxOptions = {}): EventOutbox<E> {
  const check = events === undefined ? undefined : eventPayloadCheck(events);
  return {
    async emit(ctx, name, payload, { aggregateKey = defaultAggregateKey(name, payload) } = {}) {
      check?.(name, payload);
      await writeOutboxEvent(ctx.tx, {
        tenantId: ctx.tenantId,
        name,
        aggregateKey,
        payload,
        requestId: ctx.requestId,
      });
      ctx.logger.debug(
        { event: name, aggregate_key: aggregateKey, requestId: ctx.requestId },
        `event ${name}`,
      );
    },
  };
}
