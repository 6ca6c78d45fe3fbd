import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../events/event-effects.test-helper.js';
import { createEventOutbox } from '../events/event-outbox.js';
import { noServices } from '../foundation/services.js';
import { onPostgres } from '../kernel/kernel-database.test-helper.js';
import { DatabaseToken } from '../kernel/kernel-tokens.js';
import { type LoopbackReceiver, loopbackReceiver } from './loopback-receiver.test-helper.js';
import { recordWebhookDeliveries } from './webhook-deliveries.js';
import { otherTenant, ownTenant, type WebhookKernel, webhookKernel } from './webhook-kernel.test-helper.js';

/** failures left before a path answers 200; `Infinity` fails always */
const failuresLeft = new Map<string, number>([
  ['/flaky', 2],
  ['/down', Number.POSITIVE_INFINITY],
]);
let receiver: LoopbackReceiver;
let base: string;
let k: WebhookKernel;

beforeAll(async () => {
  receiver = await loopbackReceiver(({ path }, response) => {
    const left = failuresLeft.get(path) ?? 0;
    failuresLeft.set(path, left - 1);
    response.writeHead(left > 0 ? 503 : 200).end(left > 0 ? 'busy' : 'ok');
  });
  base = receiver.base;
  k = await webhookKernel(
    'webhooks_delivery',
    {
      jobs: { enabled: true, pollingIntervalSeconds: 0.5 },
      // no wait between attempts: the backoff is pg-boss's, checked by its own suite
      webhooks: { maxAttempts: 3, retryDelaySeconds: 0, timeoutMs: 2000 },
    },
    { amqp: true },
  );
}, 60_000);

afterAll(async () => {
  await k?.dispose();
  await receiver?.close();
}, 30_000);

/** Emits `sales.opportunity.won` in `tenantId`, as the fixture's services would, and commits. */
async function win(tenantId: string, opportunityId: string): Promise<void> {
  const database = k.kernel.container.resolve(DatabaseToken);
  const events = createEventOutbox<{ 'sales.opportunity.won': { opportunityId: string; amount: number } }>();
  await database.transaction(
    (tx) =>
      events.emit(
        {
          tx,
          tenantId,
          userId: undefined,
          requestId: `req-${opportunityId}`,
          logger: silentLogger,
          services: noServices,
        },
        'sales.opportunity.won',
        { opportunityId, amount: 1200 },
      ),
    { tenantId },
  );
}

async function createEndpoint(path: string, eventTypes: string[], tenant = ownTenant) {
  const created = await k.call('POST', '/endpoints', { url: `${base}${path}`, eventTypes }, tenant);
  expect(created.status).toBe(201);
  return created.body as { endpoint: { id: string }; secret: string };
}

type Delivery = {
  id: string;
  status: string;
  attempts: number;
  eventType: string;
  lastResponseStatus: number | null;
  lastError: string | null;
};

/** Polls an endpoint's delivery log until its newest delivery is `status`. */
async function settled(endpointId: string, status: string, tenant = ownTenant): Promise<Delivery[]> {
  for (let i = 0; i < 200; i++) {
    const log = await k.call('GET', `/endpoints/${endpointId}/deliveries`, undefined, tenant);
    const items = log.body.items as Delivery[];
    if (items[0]?.status === status) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${status} delivery for ${endpointId}`);
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe(`webhook delivery on ${onPostgres ? 'PostgreSQL' : 'PGlite'}${process.env.CODEXION_AMQP_URL === undefined ? '' : ' through RabbitMQ'}`, () => {
  it('delivers a won opportunity signed (Standard Webhooks), to its tenant’s endpoints only', async () => {
    const ours = await createEndpoint('/ours', ['sales.*']);
    const theirs = await createEndpoint('/theirs', ['sales.opportunity.won'], otherTenant);

    await win(ownTenant, 'opp-1');
    const [delivery] = await settled(ours.endpoint.id, 'delivered');
    expect(delivery).toMatchObject({
      attempts: 1,
      eventType: 'sales.opportunity.won',
      lastResponseStatus: 200,
    });
    const [request] = at('/ours');
    if (request === undefined) throw new Error('nothing received');
    const headers = {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    };
    expect(headers['webhook-id']).toBe(delivery?.id);
    expect(new Webhook(ours.secret).verify(request.body, headers)).toMatchObject({
      type: 'sales.opportunity.won',
      data: { opportunityId: 'opp-1', amount: 1200 },
    });
    // another endpoint's secret does not verify it
    expect(() => new Webhook(theirs.secret).verify(request.body, headers)).toThrow();

    await win(otherTenant, 'opp-2');
    await settled(theirs.endpoint.id, 'delivered', otherTenant);
    // each tenant's receiver got its own tenant's event, and only that one
    expect(at('/ours').map((r) => JSON.parse(r.body).data.opportunityId)).toEqual(['opp-1']);
    expect(at('/theirs').map((r) => JSON.parse(r.body).data.opportunityId)).toEqual(['opp-2']);
    // neither tenant sees the other's endpoint or its log
    expect((await k.call('GET', `/endpoints/${theirs.endpoint.id}/deliveries`)).status).toBe(404);
  }, 30_000);

  it('retries a receiver that fails twice: one delivery, delivered on the third attempt, one webhook-id', async () => {
    const flaky = await createEndpoint('/flaky', ['sales.opportunity.won']);
    await win(ownTenant, 'opp-3');
    const deliveries = await settled(flaky.endpoint.id, 'delivered');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempts: 3, lastResponseStatus: 200 });
    const requests = at('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([deliveries[0]?.id]));
  }, 30_000);

  it('marks a delivery to an always failing receiver failed, and redelivers it on request', async () => {
    const down = await createEndpoint('/down', ['sales.*']);
    await win(ownTenant, 'opp-4');
    const [failed] = await settled(down.endpoint.id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastResponseStatus: 503 });
    expect(at('/down')).toHaveLength(3);

    failuresLeft.set('/down', 0);
    const again = await k.call('POST', `/deliveries/${failed?.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: failed?.id, status: 'pending' });
    const [delivered] = await settled(down.endpoint.id, 'delivered');
    expect(delivered).toMatchObject({ id: failed?.id, attempts: 4, lastResponseStatus: 200 });
    // another tenant cannot redeliver it
    expect((await k.call('POST', `/deliveries/${failed?.id}/redeliver`, undefined, otherTenant)).status).toBe(
      404,
    );
  }, 30_000);

  it('records one delivery per event and endpoint however often the event comes', async () => {
    const once = await createEndpoint('/once', ['sales.opportunity.won']);
    const database = k.kernel.container.resolve(DatabaseToken);
    const event = {
      id: '01890000-0000-7000-8000-00000000abcd',
      seq: 1,
      name: 'sales.opportunity.won',
      tenantId: ownTenant,
      aggregateKey: 'sales.opportunity:opp-9',
      occurredAt: new Date().toISOString(),
      payload: { opportunityId: 'opp-9' },
      version: 1,
    };
    const record = () =>
      database.transaction((tx) => recordWebhookDeliveries(tx, event), { tenantId: ownTenant });
    const first = await record();
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(await record()).toEqual([]);
    const log = await k.call('GET', `/endpoints/${once.endpoint.id}/deliveries`);
    const [pending] = log.body.items as Delivery[];
    expect((log.body.items as Delivery[]).map((d) => d.status)).toEqual(['pending']);

    // recorded without a job (as on a node that runs no jobs): pending, then stuck, then redelivered
    const redeliver = () => k.call('POST', `/deliveries/${pending?.id}/redeliver`);
    const early = await redeliver();
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT' });
    await database.transaction(
      (tx) =>
        tx.execute(
          sql`update prefiq.webhook_deliveries set updated_at = now() - interval '1 hour',
                     next_attempt_at = now() - interval '1 hour' where id = ${pending?.id ?? ''}`,
        ),
      { tenantId: ownTenant },
    );
    expect((await redeliver()).status).toBe(202);
    const [delivered] = await settled(once.endpoint.id, 'delivered');
    expect(delivered).toMatchObject({ id: pending?.id, attempts: 1 });
  }, 30_000);

  it('records a secret that cannot be unsealed as the attempt’s error, and sends nothing', async () => {
    const sealed = await createEndpoint('/sealed', ['sales.opportunity.won']);
    const database = k.kernel.container.resolve(DatabaseToken);
    await database.transaction(
      (tx) =>
        tx.execute(
          sql`update prefiq.webhook_endpoints set secret_sealed = 'v1.AAAA.AAAA.AAAA' where id = ${sealed.endpoint.id}`,
        ),
      { tenantId: ownTenant },
    );
    await win(ownTenant, 'opp-5');
    const [failed] = await settled(sealed.endpoint.id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastResponseStatus: null });
    expect(failed?.lastError).toContain('signing secret cannot be unsealed');
    expect(at('/sealed')).toEqual([]);
  }, 30_000);

  it('sends a test event to one endpoint', async () => {
    const probe = await createEndpoint('/probe', ['sales.*']);
    const sent = await k.call('POST', `/endpoints/${probe.endpoint.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ eventType: 'prefiq.webhook.test', endpointId: probe.endpoint.id });
    await settled(probe.endpoint.id, 'delivered');
    const [request] = at('/probe');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ type: 'prefiq.webhook.test' });
  }, 30_000);
});
