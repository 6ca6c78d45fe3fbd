import { sql } from 'drizzle-orm';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { DeliverWebhookData } from './deliver-webhook.js';
import { stuckAfterMinutes } from './webhook-deliveries.js';

/** The job that re-enqueues lost deliveries and prunes old ones. */
export const sweepWebhooksJobName = 'prefiq.sweep-webhooks';

/** How long delivered and failed deliveries are kept by default (`webhooks.retentionDays`). */
export const defaultWebhookRetentionDays = 30;

/** Rows claimed or deleted per statement, so one pass never holds a long lock. */
const batch = 1000;

/**
 * Runs `work` as `prefiq_webhook_maintenance`: the deliveries table forces row-level security on
 * its owner too, and only that role's policy spans every tenant (migration 0001_webhook_sweeper).
 */
function asMaintenance<T>(database: Database, work: (tx: Db) => Promise<T>): Promise<T> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`set local role prefiq_webhook_maintenance`);
    return work(tx);
  });
}

/**
 * Claims the pending deliveries of every tenant that are stuck (their latest expected attempt is
 * more than {@link stuckAfterMinutes} past, the same rule as a redelivery): each gets
 * `next_attempt_at = now()`, so it is not stuck again before another grace period, and is
 * returned for the caller to enqueue. Rows another sweeper holds are skipped. At most `limit`.
 *
 * @example
 * for (const delivery of await claimStuckWebhookDeliveries(database)) await enqueue(delivery);
 */
export async function claimStuckWebhookDeliveries(
  database: Database,
  { limit = batch }: { limit?: number } = {},
): Promise<DeliverWebhookData[]> {
  const rows = await asMaintenance(database, (tx) =>
    executeRows<{ id: string; tenant_id: string }>(
      tx,
      sql`update prefiq.webhook_deliveries set next_attempt_at = now(), updated_at = now()
           where id in (
             select id from prefiq.webhook_deliveries
              where status = 'pending'
                and coalesce(updated_at + 2 * (next_attempt_at - updated_at), updated_at)
                      < now() - make_interval(mins => ${stuckAfterMinutes})
              order by next_attempt_at limit ${limit} for update skip locked)
           returning id, tenant_id`,
    ),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, deliveryId: r.id }));
}

/**
 * Deletes the delivered and failed deliveries of every tenant last changed before `before`, in
 * batches; pending ones stay whatever their age. The number deleted.
 *
 * @example
 * const pruned = await pruneWebhookDeliveries(database, new Date(Date.now() - 30 * 86_400_000));
 */
export async function pruneWebhookDeliveries(
  database: Database,
  before: Date,
  { batchSize = batch }: { batchSize?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await asMaintenance(database, (tx) =>
      executeRows<{ count: number }>(
        tx,
        sql`with gone as (
              delete from prefiq.webhook_deliveries where id in (
                select id from prefiq.webhook_deliveries
                 where status in ('delivered', 'failed') and updated_at < ${before.toISOString()}::timestamptz
                 limit ${batchSize})
              returning 1)
            select count(*)::int as count from gone`,
      ),
    );
    const count = Number(row?.count ?? 0);
    total += count;
    if (count < batchSize) return total;
  }
}

export interface SweepWebhooksOptions {
  cron: string;
  retentionDays?: number;
  /**
   * enqueues a delivery's attempt once per delivery (a singleton key), so two nodes sweeping at once
   * send one job; `undefined` when the queue does not run here
   */
  enqueue: () => ((delivery: DeliverWebhookData) => Promise<void>) | undefined;
}

/**
 * The scheduled job that keeps deliveries moving and the table small (ADR 0026): a stuck pending
 * delivery (recorded on a node that runs no jobs, or its job lost between commit and enqueue) is
 * enqueued again, and deliveries final for `retentionDays` are deleted.
 *
 * @example
 * await queue.register([sweepWebhooksJob({ cron: '*\/5 * * * *', retentionDays: 30, enqueue })]);
 */
export const sweepWebhooksJob = ({
  cron,
  retentionDays = defaultWebhookRetentionDays,
  enqueue,
}: SweepWebhooksOptions): JobDefinition => ({
  name: sweepWebhooksJobName,
  policy: 'short',
  retryLimit: 3,
  schedule: { cron },
  async handler({ database, logger }) {
    const send = enqueue();
    let requeued = 0;
    if (send !== undefined) {
      for (;;) {
        const stuck = await claimStuckWebhookDeliveries(database);
        for (const delivery of stuck) await send(delivery);
        requeued += stuck.length;
        if (stuck.length < batch) break;
      }
    }
    const before = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000);
    const pruned = await pruneWebhookDeliveries(database, before);
    if (requeued + pruned > 0)
      logger.info({ requeued, pruned, before: before.toISOString() }, 'webhooks swept');
  },
});
