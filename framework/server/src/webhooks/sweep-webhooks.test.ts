import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../data/execute-rows.js';
import { silentLogger } from '../events/event-effects.test-helper.js';
import { noServices } from '../foundation/services.js';
import { JobQueueToken } from '../kernel/boot-jobs.js';
import { onPostgres } from '../kernel/kernel-database.test-helper.js';
import { DatabaseToken } from '../kernel/kernel-tokens.js';
import { webhookSetup } from '../kernel/webhook-setup.js';
import { deliverWebhookJobName } from './deliver-webhook.js';
import { type LoopbackReceiver, loopbackReceiver } from './loopback-receiver.test-helper.js';
import {
  claimStuckWebhookDeliveries,
  pruneWebhookDeliveries,
  sweepWebhooksJobName,
} from './sweep-webhooks.js';
import { otherTenant, ownTenant, type WebhookKernel, webhookKernel } from './webhook-kernel.test-helper.js';

let receiver: LoopbackReceiver;
let k: WebhookKernel;

beforeAll(async () => {
  receiver = await loopbackReceiver((_request, response) => response.writeHead(200).end('ok'));
  k = await webhookKernel('webhooks_sweep', {
    jobs: { enabled: true, pollingIntervalSeconds: 0.5 },
    webhooks: { maxAttempts: 3, retryDelaySeconds: 0, timeoutMs: 2000, retentionDays: 30 },
  });
}, 60_000);

afterAll(async () => {
  await k?.dispose();
  await receiver?.close();
}, 30_000);

async function endpoint(path: string, tenant: string): Promise<string> {
  const created = await k.call(
    'POST',
    '/endpoints',
    { url: `${receiver.base}${path}`, eventTypes: ['sales.*'] },
    tenant,
  );
  expect(created.status).toBe(201);
  return (created.body as { endpoint: { id: string } }).endpoint.id;
}

/** Records a delivery as the event consumer would, last changed `ageMinutes` ago. */
async function delivery(
  tenantId: string,
  endpointId: string,
  { status = 'pending', ageMinutes }: { status?: string; ageMinutes: number },
): Promise<string> {
  const id = uuidv7();
  const database = k.kernel.container.resolve(DatabaseToken);
  await database.transaction(
    (tx) =>
      tx.execute(
        sql`insert into prefiq.webhook_deliveries
              (id, tenant_id, endpoint_id, event_id, event_type, body, status, next_attempt_at, created_at, updated_at)
            values (${id}, ${tenantId}, ${endpointId}, ${uuidv7()}, 'sales.opportunity.won', '{"type":"sales.opportunity.won"}',
                    ${status}, ${status === 'pending' ? sql`now() - make_interval(mins => ${ageMinutes})` : null},
                    now() - make_interval(mins => ${ageMinutes}), now() - make_interval(mins => ${ageMinutes}))`,
      ),
    { tenantId },
  );
  return id;
}

async function statusOf(tenantId: string, id: string): Promise<string | undefined> {
  const database = k.kernel.container.resolve(DatabaseToken);
  const [row] = await database.transaction(
    (tx) =>
      executeRows<{ status: string }>(tx, sql`select status from prefiq.webhook_deliveries where id = ${id}`),
    { tenantId },
  );
  return row?.status;
}

async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe(`webhook sweeper on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('enqueues a stuck pending delivery of each tenant once, and it is delivered; a recent one is left alone', async () => {
    const ours = await endpoint('/ours', ownTenant);
    const theirs = await endpoint('/theirs', otherTenant);
    const stuckOurs = await delivery(ownTenant, ours, { ageMinutes: 60 });
    const stuckTheirs = await delivery(otherTenant, theirs, { ageMinutes: 60 });
    const recent = await delivery(ownTenant, ours, { ageMinutes: 1 });

    const queue = k.kernel.container.resolve(JobQueueToken);
    await queue.send(sweepWebhooksJobName, {});
    await until(async () => (await statusOf(ownTenant, stuckOurs)) === 'delivered');
    await until(async () => (await statusOf(otherTenant, stuckTheirs)) === 'delivered');
    expect(at('/ours').map((r) => r.headers['webhook-id'])).toEqual([stuckOurs]);
    expect(at('/theirs').map((r) => r.headers['webhook-id'])).toEqual([stuckTheirs]);
    expect(await statusOf(ownTenant, recent)).toBe('pending');

    // a second sweep finds nothing stuck: nothing is sent twice
    await queue.send(sweepWebhooksJobName, {});
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(at('/ours')).toHaveLength(1);
    expect(at('/theirs')).toHaveLength(1);
  }, 60_000);

  it('claims a stuck delivery for one of two sweepers at once', async () => {
    const ours = await endpoint('/claimed', ownTenant);
    const stuck = await delivery(ownTenant, ours, { ageMinutes: 30 });
    const database = k.kernel.container.resolve(DatabaseToken);
    const [a, b] = await Promise.all([
      claimStuckWebhookDeliveries(database),
      claimStuckWebhookDeliveries(database),
    ]);
    expect([...(a ?? []), ...(b ?? [])]).toEqual([{ tenantId: ownTenant, deliveryId: stuck }]);
  }, 30_000);

  it('sends one job for a delivery found stuck twice within the grace period (its singleton key)', async () => {
    const ours = await endpoint('/twice', ownTenant);
    const stuck = await delivery(ownTenant, ours, { ageMinutes: 60 });
    const { sweeper } = webhookSetup(k.kernel.config, k.kernel.plugins, k.kernel.container);
    const database = k.kernel.container.resolve(DatabaseToken);
    const run = () =>
      sweeper.handler({
        id: uuidv7(),
        name: sweeper.name,
        data: {},
        retryCount: 0,
        database,
        logger: silentLogger,
        services: noServices,
      });
    await run();
    // as if another node had claimed it before this one's claim was seen: stuck again at once
    await database.transaction(
      (tx) =>
        tx.execute(
          sql`update prefiq.webhook_deliveries set status = 'pending',
                     next_attempt_at = now() - interval '1 hour', updated_at = now() - interval '1 hour'
               where id = ${stuck}`,
        ),
      { tenantId: ownTenant },
    );
    await run();
    const jobs = await k.kernel.container
      .resolve(JobQueueToken)
      .jobs({ queue: deliverWebhookJobName, limit: 100, tenantId: ownTenant });
    expect(jobs.filter((j) => j.singletonKey === `sweep:${stuck}`)).toHaveLength(1);
  }, 30_000);

  it('prunes final deliveries past the retention in every tenant; recent and pending ones stay', async () => {
    const ours = await endpoint('/prune-ours', ownTenant);
    const theirs = await endpoint('/prune-theirs', otherTenant);
    const month = 31 * 24 * 60;
    const oldDelivered = await delivery(ownTenant, ours, { status: 'delivered', ageMinutes: month });
    const oldFailed = await delivery(otherTenant, theirs, { status: 'failed', ageMinutes: month });
    const recentDelivered = await delivery(ownTenant, ours, { status: 'delivered', ageMinutes: 60 });
    const database = k.kernel.container.resolve(DatabaseToken);
    // an old pending one is the sweeper's to enqueue, never to delete: claim it first
    const oldPending = await delivery(otherTenant, theirs, { ageMinutes: month });
    await claimStuckWebhookDeliveries(database);

    const pruned = await pruneWebhookDeliveries(database, new Date(Date.now() - 30 * 86_400_000), {
      batchSize: 1,
    });
    expect(pruned).toBe(2);
    expect(await statusOf(ownTenant, oldDelivered)).toBeUndefined();
    expect(await statusOf(otherTenant, oldFailed)).toBeUndefined();
    expect(await statusOf(ownTenant, recentDelivered)).toBe('delivered');
    expect(await statusOf(otherTenant, oldPending)).toBe('pending');
  }, 30_000);
});
