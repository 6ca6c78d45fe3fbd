import type { WebhookDelivery } from '@codexion/contracts/webhooks/types';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestActor } from '../audit/request-actor.js';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import type { EventEnvelope } from '../events/event-envelope.js';
import { subscriptionsOf, webhookTestEvent } from './webhook-event-types.js';

type DeliveryRow = {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDelivery['status'];
  attempts: number;
  last_response_status: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  next_attempt_at: string | Date | null;
  created_at: string | Date;
  updated_at: string | Date;
};

const columns = sql`id, endpoint_id, event_id, event_type, status, attempts, last_response_status,
  last_latency_ms, last_error, next_attempt_at, created_at, updated_at`;

const iso = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    lastResponseStatus: row.last_response_status === null ? null : Number(row.last_response_status),
    lastLatencyMs: row.last_latency_ms === null ? null : Number(row.last_latency_ms),
    lastError: row.last_error,
    nextAttemptAt: iso(row.next_attempt_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The body every attempt of a delivery sends, fixed when it is recorded: the Standard Webhooks
 * shape `{ type, timestamp, data }`, with the event's id beside them.
 *
 * @example
 * webhookBody({ id, name: 'crm.deal.won', occurredAt, payload }); // '{"type":"crm.deal.won",…}'
 */
export function webhookBody(event: Pick<EventEnvelope, 'id' | 'name' | 'occurredAt' | 'payload'>): string {
  return JSON.stringify({
    type: event.name,
    timestamp: event.occurredAt,
    eventId: event.id,
    data: event.payload,
  });
}

/**
 * Records one pending delivery of `event` for each enabled endpoint of its tenant subscribed to it
 * (by name or its app's wildcard), in the event consumer's transaction; an event delivered to the
 * consumer again records nothing twice (one delivery per event and endpoint). The new ids, to
 * enqueue once the transaction commits.
 *
 * @example
 * const ids = await recordWebhookDeliveries(ctx.tx, ctx.event);
 */
export async function recordWebhookDeliveries(tx: Db, event: EventEnvelope): Promise<string[]> {
  const endpoints = await executeRows<{ id: string }>(
    tx,
    sql`select id from prefiq.webhook_endpoints
         where tenant_id = ${event.tenantId} and enabled
           and event_types && array(select jsonb_array_elements_text(${JSON.stringify(subscriptionsOf(event.name))}::jsonb))
         order by id`,
  );
  const ids: string[] = [];
  const body = webhookBody(event);
  for (const endpoint of endpoints) {
    const rows = await executeRows<{ id: string }>(
      tx,
      sql`insert into prefiq.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, body, next_attempt_at)
          values (${uuidv7()}, ${event.tenantId}, ${endpoint.id}, ${event.id}, ${event.name}, ${body}, now())
          on conflict (endpoint_id, event_id) do nothing returning id`,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** One page of an endpoint's deliveries; `undefined` when the tenant has no such endpoint. */
export interface WebhookDeliveryPage {
  items: WebhookDelivery[];
  /** the `after` of the next page; absent on the last one */
  next?: string;
}

/**
 * An endpoint's deliveries, newest first (ids are uuid v7, so by id), `limit` per page, keyset on
 * the id (`after` from the previous page's `next`).
 *
 * @example
 * const page = await listWebhookDeliveries(database, tenantId, endpointId, { limit: 50 });
 */
export async function listWebhookDeliveries(
  database: Database,
  tenantId: string,
  endpointId: string,
  { limit = 50, after }: { limit?: number; after?: string | undefined } = {},
): Promise<WebhookDeliveryPage | undefined> {
  return database.transaction(
    async (tx) => {
      const [endpoint] = await executeRows(
        tx,
        sql`select 1 from prefiq.webhook_endpoints where id = ${endpointId} and tenant_id = ${tenantId}`,
      );
      if (endpoint === undefined) return undefined;
      const rows = await executeRows<DeliveryRow>(
        tx,
        sql`select ${columns} from prefiq.webhook_deliveries
             where endpoint_id = ${endpointId} and tenant_id = ${tenantId}
               ${after === undefined ? sql`` : sql`and id < ${after}::uuid`}
             order by id desc limit ${limit + 1}`,
      );
      const items = rows.slice(0, limit).map(deliveryOf);
      const last = items.at(-1);
      return rows.length > limit && last !== undefined ? { items, next: last.id } : { items };
    },
    { tenantId },
  );
}

/** One delivery of the tenant's, or `undefined`. */
export async function findWebhookDelivery(
  database: Database,
  tenantId: string,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await database.transaction(
    (tx) =>
      executeRows<DeliveryRow>(
        tx,
        sql`select ${columns} from prefiq.webhook_deliveries where id = ${id} and tenant_id = ${tenantId}`,
      ),
    { tenantId },
  );
  return row === undefined ? undefined : deliveryOf(row);
}

/**
 * How long past its latest expected attempt a pending delivery counts as stuck (its job was lost:
 * sent from a node that runs no jobs, or a crash between commit and enqueue), so that it may be
 * redelivered. pg-boss waits at most twice the earliest time `next_attempt_at` shows.
 */
export const stuckAfterMinutes = 15;

/**
 * Makes a delivered, failed or stuck pending delivery pending again (same body, same webhook-id,
 * its attempt count going on), audited as `webhooks.delivery_redelivered`: the caller enqueues it.
 * `pending` when it is pending and not stuck (its attempts go on), `undefined` when the tenant has
 * no such delivery.
 *
 * @example
 * const again = await redeliverWebhook(database, who, deliveryId);
 */
export async function redeliverWebhook(
  database: Database,
  who: RequestActor,
  id: string,
): Promise<WebhookDelivery | 'pending' | undefined> {
  return database.transaction(
    async (tx) => {
      const [found] = await executeRows<{ status: WebhookDelivery['status']; stuck: boolean }>(
        tx,
        sql`select status,
                   coalesce(updated_at + 2 * (next_attempt_at - updated_at), updated_at)
                     < now() - make_interval(mins => ${stuckAfterMinutes}) as stuck
              from prefiq.webhook_deliveries where id = ${id} and tenant_id = ${who.tenantId} for update`,
      );
      if (found === undefined) return undefined;
      if (found.status === 'pending' && !found.stuck) return 'pending';
      const [row] = await executeRows<DeliveryRow>(
        tx,
        sql`update prefiq.webhook_deliveries set status = 'pending', next_attempt_at = now(), updated_at = now()
             where id = ${id} returning ${columns}`,
      );
      if (row === undefined) return undefined;
      await recordAudit(tx, {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'webhooks.delivery_redelivered',
        entity: 'prefiq.webhook_delivery',
        recordId: id,
        requestId: who.requestId,
        metadata: {
          endpointId: row.endpoint_id,
          eventType: row.event_type,
          was: found.stuck ? 'stuck' : found.status,
        },
      });
      return deliveryOf(row);
    },
    { tenantId: who.tenantId },
  );
}

/**
 * Records a `prefiq.webhook.test` delivery to one endpoint (enabled or not), with a fresh event id;
 * the caller enqueues it. `undefined` when the tenant has no such endpoint.
 *
 * @example
 * const delivery = await recordWebhookTestEvent(database, who, endpointId);
 */
export async function recordWebhookTestEvent(
  database: Database,
  who: RequestActor,
  endpointId: string,
): Promise<WebhookDelivery | undefined> {
  const eventId = uuidv7();
  const body = webhookBody({
    id: eventId,
    name: webhookTestEvent,
    occurredAt: new Date().toISOString(),
    payload: { message: 'A test event from Codexion', endpointId },
  });
  const [row] = await database.transaction(
    (tx) =>
      executeRows<DeliveryRow>(
        tx,
        sql`insert into prefiq.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, body, next_attempt_at)
            select ${uuidv7()}, tenant_id, id, ${eventId}, ${webhookTestEvent}, ${body}, now()
              from prefiq.webhook_endpoints where id = ${endpointId} and tenant_id = ${who.tenantId}
            returning ${columns}`,
      ),
    { tenantId: who.tenantId },
  );
  return row === undefined ? undefined : deliveryOf(row);
}
