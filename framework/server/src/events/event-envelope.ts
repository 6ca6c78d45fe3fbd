import { v7 as uuidv7 } from 'uuid';

/**
 * One event as it travels from the outbox to a consumer: what happened (`name`, `payload`), to
 * which aggregate (`aggregateKey`, which orders delivery), in which tenant and when. `id` is a
 * uuid v7 (time-ordered), the key consumers' inboxes deduplicate by.
 *
 * @example
 * const envelope: EventEnvelope<CrmDealWon> = { id, name: 'crm.deal.won', tenantId, aggregateKey: 'crm.deal:…', occurredAt, payload, version: 1 };
 */
export interface EventEnvelope<P = unknown> {
  id: string;
  name: string;
  tenantId: string;
  /** events of one key reach each consumer in the order they were written */
  aggregateKey: string;
  /** ISO 8601, the writing transaction's time */
  occurredAt: string;
  payload: P;
  /** the envelope's format version */
  version: number;
  /** the request that wrote the event, for logs */
  requestId?: string | undefined;
}

/** The envelope's format version this framework writes. */
export const eventEnvelopeVersion = 1;

/** A new event id: uuid v7, so ids sort by time. */
export function newEventId(): string {
  return uuidv7();
}

function camel(segment: string): string {
  return segment.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The aggregate key an event is ordered by when its emitter names none: for `app.entity.verb`,
 * `app.entity:` and the payload's `<entity>Id` (`crm.deal.won` with `dealId` → `crm.deal:<dealId>`);
 * without such a field, the event's name (all such events of a tenant in one order).
 *
 * @example
 * defaultAggregateKey('crm.deal.won', { dealId: 'd1' }); // 'crm.deal:d1'
 */
export function defaultAggregateKey(name: string, payload: unknown): string {
  const [app, entity] = name.split('.');
  if (app !== undefined && entity !== undefined && typeof payload === 'object' && payload !== null) {
    const id = (payload as Record<string, unknown>)[`${camel(entity)}Id`];
    if (typeof id === 'string' && id !== '') return `${app}.${entity}:${id}`;
  }
  return name;
}

/** A jsonb value as a driver hands it over: parsed already (postgres.js, PGlite) or as its text. */
export function storedJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
