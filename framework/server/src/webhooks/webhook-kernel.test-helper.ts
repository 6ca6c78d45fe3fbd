import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigInput } from '../foundation/kernel-config.js';
import { developmentTenantId } from '../foundation/load-config.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { kernelDatabase } from '../kernel/kernel-database.test-helper.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';

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
 * names one (one suite at a time: the consumer's queue is shared). `call` acts in the tenant given
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
  const kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    env: {
      NODE_ENV: 'test',
      ...database.env,
      ...(amqp && amqpUrl !== undefined ? { CODEXION_AMQP_URL: amqpUrl } : {}),
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
      await kernel.shutdown();
      await database.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
