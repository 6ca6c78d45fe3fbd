import type { EventHandler, HookContext, PluginContext } from '../plugins/define-plugin.js';

/**
 * Handlers of an app's events by name, each typed by its payload.
 *
 * @example
 * const subscribers: EventSubscribers<CrmContract['events']> = { 'crm.deal.won': (ctx, deal) => invoice(ctx, deal) };
 */
export type EventSubscribers<E extends Record<string, unknown>> = {
  [N in keyof E]?: EventHandler<E[N]>;
};

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
  ): Promise<void>;
}

function isHookContext(ctx: PluginContext | HookContext): ctx is HookContext {
  return 'defer' in ctx && typeof ctx.defer === 'function';
}

/**
 * An app's events until the framework has its event bus. What it does: log the event (name and
 * payload, one line at info) and hand it to the subscribers given, in-process and inside the
 * writing transaction (`ctx.tx`), so a subscriber sees the change and one that throws rolls it
 * back. Emitted from a resource hook, the delivery waits for the end of the write (after every
 * after hook and the audit entry, see `HookContext.defer`); from an action or a service, it is
 * immediate. What it does not do yet, and the bus will: store the event in an outbox table in the
 * same transaction and deliver it after commit, at least once, to other apps and to RabbitMQ.
 * Callers will not change then: they already emit inside the transaction of the change.
 *
 * @example
 * const events = createEventOutbox<CrmContract['events']>({ 'crm.deal.won': (ctx, deal) => invoice(ctx, deal) });
 * await events.emit(ctx, 'crm.deal.won', { dealId, title, amount, … });
 */
export function createEventOutbox<E extends Record<string, unknown>>(
  subscribers: EventSubscribers<E> = {},
): EventOutbox<E> {
  return {
    async emit(ctx, name, payload) {
      const deliver = async () => {
        ctx.logger.info({ event: name, payload, requestId: ctx.requestId }, `event ${name}`);
        await subscribers[name]?.(ctx, payload);
      };
      if (isHookContext(ctx)) ctx.defer(deliver);
      else await deliver();
    },
  };
}
