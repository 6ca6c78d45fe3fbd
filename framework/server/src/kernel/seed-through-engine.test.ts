import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentTenantId } from '../foundation/load-config.js';
import type { SeedHandler } from '../plugins/define-plugin.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { createKernel, type Kernel } from './boot.js';
import { type KernelDatabase, kernelDatabase } from './kernel-database.test-helper.js';

/**
 * A seed writes through the resource engine (`ctx.resources`), in its own transaction: the
 * fixture's `beforeCreate` hook runs on seeded records as on a client's, the audit log names the
 * writes, and a seed that breaks a rule leaves nothing behind.
 */
let root: string;
let kernel: Kernel;
let database: KernelDatabase;

const seed: SeedHandler = async (ctx) => {
  const account = await ctx.resources('account').create({ name: 'Seeded GmbH', domain: 'seeded.example' });
  // no probability: the fixture's hook gives a lead 10 %
  await ctx.resources('opportunity').create({
    title: 'Seeded deal',
    accountId: account.id,
    stage: 'lead',
    status: 'open',
    currency: 'EUR',
  });
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-seed-engine-'));
  database = await kernelDatabase('seed_engine');
  kernel = createKernel({
    root,
    plugins: [{ ...(await salesPlugin()), seed }],
    env: { NODE_ENV: 'test', ...database.env },
    logDestination: { write: () => undefined },
  });
  await kernel.boot({ seed: true });
}, 120_000);

afterAll(async () => {
  await kernel?.shutdown();
  await database?.drop();
  await rm(root, { recursive: true, force: true });
});

async function get(path: string): Promise<{ items: Record<string, unknown>[] }> {
  const response = await kernel.app.request(`/api/sales${path}`, {
    headers: { 'x-codexion-tenant': developmentTenantId },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Record<string, unknown>[] };
}

describe('a seed writing through the engine', () => {
  it('runs the hooks on seeded records, as on a client’s', async () => {
    const { items } = await get('/opportunities');
    expect(items).toEqual([expect.objectContaining({ title: 'Seeded deal', probability: 0.1, version: 1 })]);
  });

  it('is audited like any other write', async () => {
    const rows = await kernel.app.request('/api/audit/log?entity=sales.opportunity', {
      headers: { 'x-codexion-tenant': developmentTenantId },
    });
    const body = (await rows.json()) as { items?: { action: string }[] };
    expect(rows.status).toBe(200);
    expect(body.items?.map((entry) => entry.action)).toEqual(['create']);
  });
});
