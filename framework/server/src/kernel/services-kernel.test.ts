import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { createEventOutbox } from '../events/event-outbox.js';
import { developmentTenantId } from '../foundation/load-config.js';
import { noServices } from '../foundation/services.js';
import { IdentityToken } from '../identity/create-identity.js';
import { createUser, userByEmail } from '../identity/user-service.js';
import { defineJob } from '../jobs/job-definition.js';
import type {
  ActionContext,
  ActionHandler,
  PluginContext,
  PluginDefinition,
} from '../plugins/define-plugin.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import { createKernel, type Kernel } from './boot.js';
import { EventDispatcherToken } from './boot-events.js';
import { JobQueueToken } from './boot-jobs.js';
import { type KernelDatabase, kernelDatabase, onPostgres } from './kernel-database.test-helper.js';
import { DatabaseToken, LoggerToken } from './kernel-tokens.js';

/**
 * `ctx.services` in a booted kernel (the sales fixture, its action, hook and subscriber replaced):
 * the framework's writing services reached by token join the caller's transaction, so an action
 * that fails after calling them leaves nothing of their writes.
 */
let root: string;
let kernel: Kernel;
let database: KernelDatabase;
const seen: { hook?: unknown; subscriber?: unknown; job?: unknown } = {};

function adminOf(ctx: PluginContext) {
  return {
    tenantId: ctx.tenantId,
    userId: ctx.userId,
    permissions: new Set(['*']),
    requestId: ctx.requestId,
  };
}

/** Adds a role, a user and a job through the kernel's services, then fails when asked to. */
const moveOpportunity: ActionHandler = async (ctx: ActionContext, input) => {
  const { stage } = input.body as { stage: string };
  const key = `role-${stage}`;
  await ctx.services.get(TenancyToken).createRole(adminOf(ctx), { key, name: key, permissions: [] });
  await createUser(ctx.services.get(IdentityToken).context, { email: `${stage}@services.example` });
  await ctx.services
    .get(JobQueueToken)
    .send('sales.note', {}, { singletonKey: stage, startAfterSeconds: 3600 });
  if (stage === 'lead') throw new DomainError('CONFLICT', 'refused after the writes');
  return { status: 204 };
};

async function plugin(): Promise<PluginDefinition> {
  const base = await salesPlugin();
  return {
    ...base,
    actions: { ...base.actions, moveOpportunity },
    jobs: [
      defineJob({ name: 'sales.note', handler: () => undefined }),
      defineJob({
        name: 'sales.status',
        handler: async (ctx) => {
          seen.job = await ctx.services.get(TenancyToken).tenantStatus(developmentTenantId);
        },
      }),
    ],
    hooks: {
      opportunity: {
        beforeCreate: async (ctx, record) => {
          seen.hook = (await ctx.services.get(TenancyToken).getTenant(ctx.tenantId))?.status;
          return base.hooks?.opportunity?.beforeCreate?.(ctx, record);
        },
      },
    },
    subscribers: {
      'crm.deal.won': async (ctx: PluginContext) => {
        seen.subscriber = await ctx.services.get(TenancyToken).tenantStatus(ctx.tenantId);
      },
    },
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-services-'));
  database = await kernelDatabase('services');
  kernel = createKernel({
    root,
    plugins: [await plugin()],
    env: { NODE_ENV: 'test', ...database.env },
    overrides: { jobs: { enabled: true } },
    logDestination: { write: () => undefined },
  });
  await kernel.boot({ seed: true });
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await database?.drop();
  await rm(root, { recursive: true, force: true });
}, 30_000);

async function post(path: string, body: unknown): Promise<Response> {
  return kernel.app.request(`/api/sales${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function jobKeys(): Promise<(string | null)[]> {
  const jobs = await kernel.container.resolve(JobQueueToken).jobs({ queue: 'sales.note', limit: 10 });
  return jobs.map((job) => job.singletonKey);
}

async function roleKeys(): Promise<string[]> {
  const admin = { tenantId: developmentTenantId, permissions: new Set(['*']) };
  return (await kernel.container.resolve(TenancyToken).listRoles(admin)).map((role) => role.key);
}

describe(`ctx.services on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('an action’s service writes (tenancy, identity, jobs) join its transaction: rolled back with it, committed with it', async () => {
    const identity = kernel.container.resolve(IdentityToken).context;
    const id = '00000000-0000-4000-8000-000000000001';
    const failed = await post(`/opportunities/${id}/move`, { stage: 'lead' });
    expect(failed.status).toBe(409);
    expect(await roleKeys()).not.toContain('role-lead');
    expect(await userByEmail(identity, 'lead@services.example')).toBeUndefined();
    expect(await jobKeys()).not.toContain('lead');

    const done = await post(`/opportunities/${id}/move`, { stage: 'proposal' });
    expect(done.status).toBe(204);
    expect(await roleKeys()).toContain('role-proposal');
    expect(await userByEmail(identity, 'proposal@services.example')).toMatchObject({ status: 'invited' });
    expect(await jobKeys()).toContain('proposal');
  });

  it('a hook reaches tenancy by token inside the write’s transaction', async () => {
    const accounts = (await (await kernel.app.request('/api/sales/accounts')).json()) as {
      items: { id: string }[];
    };
    const created = await post('/opportunities', {
      title: 'Services deal',
      accountId: accounts.items[0]?.id,
      amount: 1,
      stage: 'lead',
      status: 'open',
      currency: 'EUR',
    });
    expect(created.status).toBe(201);
    expect(seen.hook).toBe('active');
  });

  it('a subscriber reaches tenancy by token inside its delivery’s transaction', async () => {
    const outbox = createEventOutbox<{ 'crm.deal.won': Record<string, unknown> }>();
    await kernel.container.resolve(DatabaseToken).transaction(
      (tx) =>
        outbox.emit(
          {
            tx,
            tenantId: developmentTenantId,
            userId: undefined,
            requestId: 'r',
            logger: kernel.container.resolve(LoggerToken),
            services: noServices,
          },
          'crm.deal.won',
          { dealId: 'd1', title: 'Won deal' },
        ),
      { tenantId: developmentTenantId },
    );
    await kernel.container.resolve(EventDispatcherToken).drain();
    expect(seen.subscriber).toBe('active');
  });

  it('a job’s handler reaches tenancy by token', async () => {
    await kernel.container.resolve(JobQueueToken).send('sales.status', {});
    for (let i = 0; i < 100 && seen.job === undefined; i++) await new Promise((r) => setTimeout(r, 100));
    expect(seen.job).toBe('active');
  });
});
