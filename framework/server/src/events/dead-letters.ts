import { sql } from 'drizzle-orm';
import type { AuditActor } from '../audit/audit-entry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { storedJson } from './event-envelope.js';
import { wakeEventDispatchers } from './event-wakeup.js';

/** A delivery that failed every attempt: the event and the consumer it did not reach. */
export interface DeadLetter {
  consumer: string;
  eventId: string;
  event: string;
  aggregateKey: string;
  occurredAt: string;
  payload: unknown;
  attempts: number;
  /** the last attempt's error (its class and message) */
  lastError: string | null;
  /** when it became a dead letter */
  deadSince: string;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  /** pass it as `after` for the next page; absent on the last one */
  next?: string;
}

type DeadLetterRow = {
  consumer: string;
  event_id: string;
  name: string;
  aggregate_key: string;
  occurred_at: string | Date;
  payload: unknown;
  attempts: number;
  last_error: string | null;
  updated_at: string | Date;
};

/** Who acts on dead letters, for the audit log. */
export interface DeadLetterActor {
  tenantId: string;
  actor: AuditActor;
  requestId?: string | undefined;
}

const cursorPattern = /^([a-z][a-z0-9-]{1,30})\/([0-9a-f-]{36})$/;

/**
 * A tenant's dead letters, oldest event first, `limit` per page (keyset on consumer and event id,
 * `after` from the previous page's `next`). Read in the tenant's transaction: row-level security
 * shows no other tenant's.
 *
 * @example
 * const { items, next } = await listDeadLetters(database, tenantId, { limit: 50 });
 */
export async function listDeadLetters(
  database: Database,
  tenantId: string,
  { limit = 50, after }: { limit?: number; after?: string | undefined } = {},
): Promise<DeadLetterPage> {
  const from = after === undefined ? undefined : cursorPattern.exec(after);
  const rows = await database.transaction(
    (tx) =>
      executeRows<DeadLetterRow>(
        tx,
        sql`select d.consumer, d.event_id, o.name, o.aggregate_key, o.occurred_at, o.payload, d.attempts,
                   d.last_error, d.updated_at
              from prefiq.event_deliveries d join prefiq.event_outbox o on o.id = d.event_id
             where d.status = 'dead' and d.tenant_id = ${tenantId}
               ${from == null ? sql`` : sql`and (d.consumer, d.event_id) > (${from[1]}, ${from[2]}::uuid)`}
             order by d.consumer, d.event_id limit ${limit + 1}`,
      ),
    { tenantId },
  );
  const items = rows.slice(0, limit).map((row) => ({
    consumer: row.consumer,
    eventId: row.event_id,
    event: row.name,
    aggregateKey: row.aggregate_key,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: storedJson(row.payload),
    attempts: Number(row.attempts),
    lastError: row.last_error,
    deadSince: new Date(row.updated_at).toISOString(),
  }));
  const last = items.at(-1);
  return rows.length > limit && last !== undefined
    ? { items, next: `${last.consumer}/${last.eventId}` }
    : { items };
}

/**
 * Sends a dead letter back to its consumer: pending again, its attempts reset, due now; audited
 * as `events.dead_letter_retried`. False when the tenant has no such dead letter.
 *
 * @example
 * await retryDeadLetter(database, { tenantId, actor: { type: 'user', id: userId } }, 'sales', eventId);
 */
export async function retryDeadLetter(
  database: Database,
  who: DeadLetterActor,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const found = await database.transaction(
    async (tx) => {
      const rows = await executeRows<{ name: string }>(
        tx,
        sql`update prefiq.event_deliveries d
               set status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = null, updated_at = now()
              from prefiq.event_outbox o
             where d.consumer = ${consumer} and d.event_id = ${eventId} and d.status = 'dead'
               and d.tenant_id = ${who.tenantId} and o.id = d.event_id
            returning o.name`,
      );
      const [row] = rows;
      if (row === undefined) return false;
      await recordAudit(tx, {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'events.dead_letter_retried',
        entity: 'prefiq.event_delivery',
        recordId: `${consumer}/${eventId}`,
        requestId: who.requestId,
        metadata: { consumer, event: row.name },
      });
      return true;
    },
    { tenantId: who.tenantId },
  );
  if (found) wakeEventDispatchers(database);
  return found;
}

/**
 * Gives up on a dead letter: its delivery is removed (the event stays in the outbox, the consumer
 * never gets it); audited as `events.dead_letter_discarded`. False when there is no such dead letter.
 *
 * @example
 * await discardDeadLetter(database, { tenantId, actor: { type: 'user', id: userId } }, 'sales', eventId);
 */
export async function discardDeadLetter(
  database: Database,
  who: DeadLetterActor,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  return database.transaction(
    async (tx) => {
      const rows = await executeRows<{ event_id: string }>(
        tx,
        sql`delete from prefiq.event_deliveries
             where consumer = ${consumer} and event_id = ${eventId} and status = 'dead' and tenant_id = ${who.tenantId}
            returning event_id`,
      );
      if (rows.length === 0) return false;
      await recordAudit(tx, {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'events.dead_letter_discarded',
        entity: 'prefiq.event_delivery',
        recordId: `${consumer}/${eventId}`,
        requestId: who.requestId,
        metadata: { consumer },
      });
      return true;
    },
    { tenantId: who.tenantId },
  );
}
