import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'rabbitmq-client';
import { amqpTopology } from '../events/amqp-transport.js';
import type { ConfigInput } from '../foundation/kernel-config.js';
import { developmentTenantId } from '../foundation/load-config.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { kernelDatabase } from '../kernel/kernel-database.test-helper.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { webhookConsumerName } from './webhook-consumer.js';

/** A second tenant beside the development one. */
export const otherTenant = '7e7e7e7e-0000-4000-8000-0000000000b2';
export const ownTenant = developmentTenantId;

/** An answer of the webhooks API: its status and JSON body (problem+json on errors). */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** The sales fixture booted by the kernel with both tenants, and a caller of `/api/webhooks`. */
export interface WebhookKernel {
  kernel: Kernel;
  call(method: string, path: string, body?: unknown, tenant?: string): Promise<Answer>;
  dispose(): Promise<void>;
}

/** RabbitMQ when the environment names one (`CODEXION_AMQP_URL`), for a kernel that asks for it. */
const amqpUrl = process.env.CODEXION_AMQP_URL;

/**
 * Boots the sales fixture (it declares `sales.opportunity.won`) in the trusted test context, with
 * `overrides` (jobs, webhooks); with `amqp`, events travel through RabbitMQ when the environment
 * names one, on exchanges and queues of the suite's own (removed by `dispose`), so suites running
 * at the same time, and other kernels on the same broker, never take each other's events. `call` acts in the tenant given
 * (the development one unless given).
 *
 * @example
 * const { kernel, call, dispose } = await webhookKernel('webhooks_api', {});
 */
export async function webhookKernel(
  prefix: string,
  overrides: ConfigInput,
  { amqp = false }: { amqp?: boolean } = {},
): Promise<WebhookKernel> {
  const root = await mkdtemp(join(tmpdir(), `prefiq-${prefix}-`));
  const database = await kernelDatabase(prefix);
  const amqpPrefix =
    amqp && amqpUrl !== undefined ? `codexion-test-${randomBytes(4).toString('hex')}` : undefined;
  const kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    env: {
      NODE_ENV: 'test',
      ...database.env,
      ...(amqpPrefix !== undefined && amqpUrl !== undefined
        ? { CODEXION_AMQP_URL: amqpUrl, CODEXION_EVENTS__AMQP_PREFIX: amqpPrefix }
        : {}),
    },
    overrides: { tenants: { [otherTenant]: {} }, ...overrides },
    logDestination: logCapture().stream,
  });
  await kernel.boot();
  return {
    kernel,
    async call(method, path, body, tenant = ownTenant) {
      const response = await kernel.app.request(`/api/webhooks${path}`, {
        method,
        headers: {
          'x-codexion-tenant': tenant,
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
    },
    async dispose() {
      const consumers = [...kernel.plugins.map((p) => p.name), webhookConsumerName];
      await kernel.shutdown();
      if (amqpPrefix !== undefined && amqpUrl !== undefined)
        await removeTopology(amqpUrl, amqpPrefix, consumers);
      await database.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Deletes the queues and exchanges a suite's kernel declared on the broker. */
async function removeTopology(url: string, prefix: string, consumers: readonly string[]): Promise<void> {
  const names = amqpTopology(prefix);
  const connection = new Connection(url);
  try {
    for (const consumer of consumers) await connection.queueDelete({ queue: names.queue(consumer) });
    await connection.queueDelete({ queue: names.deadLetterQueue });
    await connection.exchangeDelete({ exchange: names.exchange });
    await connection.exchangeDelete({ exchange: names.deadLetterExchange });
  } finally {
    await connection.close();
  }
}
