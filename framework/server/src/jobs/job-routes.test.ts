import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentTenantId } from '../foundation/load-config.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { JobQueueToken } from '../kernel/boot-jobs.js';
import { kernelDatabase, onPostgres } from '../kernel/kernel-database.test-helper.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { defineJob } from './job-definition.js';
import type { JobState } from './job-queue.js';

/** The jobs API on the sales fixture, with a job of its own, booted by the kernel with jobs on. */
const otherTenant = '7e7e7e7e-0000-4000-8000-00000000007e';
let root: string;
let kernel: Kernel;
let drop: () => Promise<void> = async () => undefined;
const logs = logCapture();
const runs: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-jobs-api-'));
  const database = await kernelDatabase('jobs_api');
  drop = database.drop;
  kernel = createKernel({
    root,
    plugins: [
      {
        ...(await salesPlugin()),
        jobs: [
          defineJob<{ tenantId: string; note: string }>({
            name: 'sales.sync-ledger',
            retryLimit: 0,
            handler({ data }) {
              runs.push(data.note);
              throw new Error(`ledger unreachable for ${data.note}`);
            },
          }),
        ],
      },
    ],
    env: { NODE_ENV: 'test', ...database.env },
    overrides: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } },
    logDestination: logs.stream,
  });
  await kernel.boot();
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await drop();
  await rm(root, { recursive: true, force: true });
}, 30_000);

async function get(
  path: string,
  tenant?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await kernel.app.request(`/api/jobs${path}`, {
    headers: tenant === undefined ? {} : { 'x-codexion-tenant': tenant },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function post(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await kernel.app.request(`/api/jobs${path}`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function settled(queue: string, id: string, state: JobState) {
  const jobs = kernel.container.resolve(JobQueueToken);
  for (let i = 0; i < 300; i++) {
    const job = await jobs.job(queue, id);
    if (job?.state === state) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not reach ${state}`);
}

describe(`the jobs API on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('lists the framework’s queues and the plugin’s, with counts, and their schedules', async () => {
    const queues = await get('/queues');
    expect(queues.status).toBe(200);
    const names = (queues.body.items as { name: string }[]).map((q) => q.name);
    expect(names).toEqual([
      'prefiq.deliver-webhook',
      'prefiq.prune-identity',
      'prefiq.purge-events',
      'prefiq.purge-idempotency',
      'prefiq.seal-audit',
      'prefiq.sweep-webhooks',
      'sales.sync-ledger',
    ]);
    const schedules = await get('/schedules');
    expect(schedules.body.items).toEqual([
      { queue: 'prefiq.prune-identity', cron: '17 * * * *', timezone: 'UTC', data: {} },
      { queue: 'prefiq.purge-events', cron: '41 * * * *', timezone: 'UTC', data: {} },
      { queue: 'prefiq.purge-idempotency', cron: '23 * * * *', timezone: 'UTC', data: {} },
      { queue: 'prefiq.seal-audit', cron: '*/5 * * * *', timezone: 'UTC', data: {} },
      { queue: 'prefiq.sweep-webhooks', cron: '*/5 * * * *', timezone: 'UTC', data: {} },
    ]);
  });

  it('shows a failed job of the tenant with its error, not another tenant’s, and retries it', async () => {
    const jobs = kernel.container.resolve(JobQueueToken);
    const ours = await jobs.send('sales.sync-ledger', { tenantId: developmentTenantId, note: 'ours' });
    const theirs = await jobs.send('sales.sync-ledger', { tenantId: otherTenant, note: 'theirs' });
    if (ours === null || theirs === null) throw new Error('not sent');
    await settled('sales.sync-ledger', ours, 'failed');
    await settled('sales.sync-ledger', theirs, 'failed');

    const failed = await get('/jobs?state=failed&queue=sales.sync-ledger');
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        id: ours,
        queue: 'sales.sync-ledger',
        state: 'failed',
        data: { tenantId: developmentTenantId, note: 'ours' },
        output: expect.objectContaining({ message: 'ledger unreachable for ours' }),
        retryCount: 0,
      }),
    ]);
    const there = await get('/jobs?state=failed', otherTenant);
    expect((there.body.items as { id: string }[]).map((j) => j.id)).toEqual([theirs]);
    const queues = await get('/queues');
    expect((queues.body.items as { name: string; counts: { failed: number } }[]).at(-1)?.counts.failed).toBe(
      2,
    );

    // another tenant's job is not found, so not retried
    expect((await post(`/queues/sales.sync-ledger/jobs/${theirs}/retry`)).status).toBe(404);
    const retried = await post(`/queues/sales.sync-ledger/jobs/${ours}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: ours });
    // it runs again (and fails again: the ledger is still unreachable)
    await settled('sales.sync-ledger', ours, 'failed');
    expect(runs.filter((r) => r === 'ours')).toHaveLength(2);
  });

  it('refuses to retry a job that did not fail (409), an unknown one (404) and bad parameters (400)', async () => {
    const jobs = kernel.container.resolve(JobQueueToken);
    const waiting = await jobs.send('sales.sync-ledger', { note: 'later' }, { startAfterSeconds: 3600 });
    const conflict = await post(`/queues/sales.sync-ledger/jobs/${waiting}/retry`);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: 'CONFLICT' });
    expect((await post(`/queues/sales.sync-ledger/jobs/${randomUUID()}/retry`)).status).toBe(404);
    const badId = await post('/queues/sales.sync-ledger/jobs/not-a-uuid/retry');
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ path: '/params/id' })]);
    expect((await post(`/queues/Not%20A%20Queue/jobs/${randomUUID()}/retry`)).status).toBe(400);
    const badState = await get('/jobs?state=exploded');
    expect(badState.status).toBe(400);
    expect((await get('/jobs?limit=201')).status).toBe(400);
  });
});

describe('a plugin’s jobs', () => {
  it('must be named after the plugin: the boot stops on another name', async () => {
    const database = await kernelDatabase('jobs_name');
    const misnamed = createKernel({
      root,
      plugins: [
        { ...(await salesPlugin()), jobs: [defineJob({ name: 'crm.steal', handler: () => undefined })] },
      ],
      env: { NODE_ENV: 'test', ...database.env },
      overrides: { jobs: { enabled: true } },
      logDestination: logs.stream,
    });
    try {
      await expect(misnamed.boot()).rejects.toThrow('plugin "sales" declares job "crm.steal"');
    } finally {
      await misnamed.shutdown();
      await database.drop();
    }
  }, 60_000);
});
