import type { PluginContext, PluginDefinition } from '@codexion/framework';

/** The payloads of the events `core/app.json` declares, by name (its `events[].payload` schemas). */
export interface CrmEvents {
  'crm.deal.won': {
    dealId: string;
    title: string;
    amount: number;
    currency: string;
    companyId: string | null;
    primaryContactId: string | null;
    pipelineId: string;
    stageId: string;
    ownerId: string | null;
    closedAt: string;
  };
  'crm.deal.lost': {
    dealId: string;
    title: string;
    amount: number | null;
    currency: string;
    lostReason: string;
    companyId: string | null;
    pipelineId: string;
    stageId: string;
    ownerId: string | null;
    closedAt: string;
  };
  'crm.deal.stage-changed': {
    dealId: string;
    pipelineId: string;
    fromStageId: string;
    toStageId: string;
    probability: number | null;
  };
  'crm.lead.converted': { personId: string; companyId: string; companyCreated: boolean; dealId: string };
  'crm.person.merged': { personId: string; mergedIds: string[] };
  'crm.company.merged': { companyId: string; mergedIds: string[] };
}

export type CrmEventName = keyof CrmEvents;

/** Event handlers by event name, as a plugin declares them. */
export type EventSubscribers = NonNullable<PluginDefinition['subscribers']>;

/** Where the CRM's services and hooks put the events of a change. */
export interface EventOutbox {
  emit<N extends CrmEventName>(ctx: PluginContext, name: N, payload: CrmEvents[N]): Promise<void>;
}

/**
 * The CRM's events until the framework has its event bus. What it does now: log the event (name
 * and payload, one line at info) and hand it to the subscribers given, in-process and inside the
 * writing transaction (`ctx.tx`), so a subscriber sees the change and a subscriber that throws
 * rolls it back. What it does not do yet, and the bus will: store the event in an outbox table in
 * the same transaction and deliver it after commit, at least once, to other apps' subscribers and
 * to RabbitMQ. Callers will not change then: they already emit inside the transaction of the change.
 *
 * @example
 * const events = createEventOutbox({ 'crm.deal.won': (ctx, payload) => invoice(ctx, payload) });
 * await events.emit(ctx, 'crm.deal.won', { dealId, title, amount, … });
 */
export function createEventOutbox(subscribers: EventSubscribers = {}): EventOutbox {
  return {
    async emit(ctx, name, payload) {
      ctx.logger.info({ event: name, payload, requestId: ctx.requestId }, `event ${name}`);
      await subscribers[name]?.(ctx, payload);
    },
  };
}
