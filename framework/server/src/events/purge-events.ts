import type { Database } from '../data/database.js';

/** How long delivered events and inbox records are kept by default (`events.retentionDays`). */
export const defaultEventRetentionDays = 7;

/** Rows deleted per statement, so one purge never holds a long lock on a big outbox. */
const batch = 5000;

async function deleteInBatches(database: Database, text: string, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await database.execute<{ count: number }>(text, [before.toISOString(), batch]);
    const count = Number(row?.count ?? 0);
    total += count;
    if (count < batch) return total;
  }
}

/**
 * Removes what the outbox no longer needs (ADR 0018): events dispatched before `before` that no
 * consumer still holds a delivery of (pending or dead), and consumers' inbox records processed
 * before `before`. An event not yet dispatched, or with a dead letter, stays whatever its age. An
 * inbox record is what makes a redelivery harmless, so the retention must outlast any redelivery
 * (a broker's requeue, a dispatcher's lease); days, where those take seconds. Runs as the kernel's
 * database owner, across tenants.
 *
 * @example
 * const { outbox, inbox } = await purgeEvents(database, new Date(Date.now() - 7 * 86_400_000));
 */
export async function purgeEvents(
  database: Database,
  before: Date,
): Promise<{ outbox: number; inbox: number }> {
  const outbox = await deleteInBatches(
    database,
    `with gone as (
       delete from prefiq.event_outbox where id in (
         select o.id from prefiq.event_outbox o
          where o.dispatched_at < $1
            and not exists (select 1 from prefiq.event_deliveries d where d.event_id = o.id)
          limit $2)
       returning 1)
     select count(*)::int as count from gone`,
    before,
  );
  const inbox = await deleteInBatches(
    database,
    `with gone as (
       delete from prefiq.event_inbox where (consumer, event_id) in (
         select consumer, event_id from prefiq.event_inbox where processed_at < $1 limit $2)
       returning 1)
     select count(*)::int as count from gone`,
    before,
  );
  return { outbox, inbox };
}
