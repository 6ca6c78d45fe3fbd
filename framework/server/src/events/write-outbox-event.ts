import { sql } from 'drizzle-orm';
import { afterCommit } from '../data/commit-hooks.js';
import type { Db } from '../data/database.js';
import { eventEnvelopeVersion, newEventId } from './event-envelope.js';
import { wakeEventDispatchers } from './event-wakeup.js';

/** One event as the outbox stores it, before it has an id. */
export interface OutboxEvent {
  tenantId: string;
  name: string;
  aggregateKey: string;
  payload: unknown;
  requestId?: string | undefined;
}

/**
 * Appends one event to `prefiq.event_outbox` in `tx` (ADR 0018) and wakes the node's dispatchers
 * once `tx` commits: the one way an event is written, for apps' `emit` and the framework's own
 * events (`prefiq.tenant.created`). The row exists exactly when the transaction commits.
 *
 * @example
 * await writeOutboxEvent(tx, { tenantId, name: 'prefiq.tenant.created', aggregateKey: `prefiq.tenant:${tenantId}`, payload: { tenantId, name } });
 */
export async function writeOutboxEvent(tx: Db, event: OutboxEvent): Promise<void> {
  await tx.execute(
    sql`insert into prefiq.event_outbox (id, tenant_id, name, aggregate_key, payload, version, request_id)
        values (${newEventId()}, ${event.tenantId}, ${event.name}, ${event.aggregateKey},
                ${JSON.stringify(event.payload)}::jsonb, ${eventEnvelopeVersion}, ${event.requestId ?? null})`,
  );
  afterCommit(tx, wakeEventDispatchers);
}
