/**
 * Apps meeting through events, as they run together in Cortex: the CRM (producer of
 * `crm.deal.won`) and the sales fixture (its consumer, declared in its `core/app.json`), booted by
 * one kernel on a test database, driven over HTTP. The plugins load at run time: tools/ sees
 * every app, no app sees another.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { developmentTenantId } from '@codexion/framework/foundation';
import {
  createKernel,
  EventDispatcherToken,
  frameworkMigrations,
  type Kernel,
} from '@codexion/framework/kernel';
import type { EventHandler, PluginDefinition } from '@codexion/framework/plugins';
import { createTestDatabase, type TestDatabase } from '@codexion/framework/testing';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const crmRoot = join(repo, 'apps', 'crm');
const salesRoot = join(repo, 'framework', 'cli', 'fixtures', 'sales');

interface Booted {
  kernel: Kernel;
  test: TestDatabase;
  root: string;
}

let booted: Booted | undefined;

async function boot(crmSubscribers: Record<string, EventHandler<never>> = {}): Promise<Booted> {
  const { createCrmPlugin } = (await import(pathToFileURL(join(crmRoot, 'bin', 'plugin.ts')).href)) as {
    createCrmPlugin: (options: { subscribers?: Record<string, EventHandler<never>> }) => PluginDefinition;
  };
  const { default: sales } = (await import(pathToFileURL(join(salesRoot, 'bin', 'plugin.ts')).href)) as {
    default: PluginDefinition;
  };
  const test = await createTestDatabase({
    migrations: [
      ...frameworkMigrations,
      { name: 'crm', migrationsFolder: join(crmRoot, 'bin', 'migrations'), schema: 'crm' },
      { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') },
    ],
  });
  const root = await mkdtemp(join(tmpdir(), 'cross-app-events-'));
  const kernel = createKernel({
    root,
    plugins: [createCrmPlugin({ subscribers: crmSubscribers }), sales],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent' },
    overrides: { events: { maxAttempts: 3, retryBaseMs: 1, retryMaxMs: 4, pollIntervalMs: 50 } },
    database: test.database,
  });
  await kernel.boot({ seed: true });
  booted = { kernel, test, root };
  return booted;
}

afterEach(async () => {
  if (booted === undefined) return;
  await booted.kernel.shutdown();
  await booted.test.dispose();
  await rm(booted.root, { recursive: true, force: true });
  booted = undefined;
});

async function call(kernel: Kernel, method: string, path: string, body?: unknown) {
  const response = await kernel.app.request(path, {
    method,
    headers: {
      'x-codexion-tenant': developmentTenantId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
}

async function openDeal(kernel: Kernel): Promise<{ id: string; title: string }> {
  const { body } = await call(
    kernel,
    'GET',
    '/api/crm/deals?filter[status]=open&filter[amount][isNull]=false&pageSize=1',
  );
  const [deal] = body.items as { id: string; title: string }[];
  if (deal === undefined) throw new Error('the demo data has no open deal');
  return deal;
}

async function goldAccounts(kernel: Kernel, name: string): Promise<number> {
  const { body } = await call(kernel, 'GET', `/api/sales/accounts?filter[name]=${encodeURIComponent(name)}`);
  return (body.items as { tier: string }[]).filter((a) => a.tier === 'gold').length;
}

async function settle(kernel: Kernel, until: () => Promise<boolean>): Promise<void> {
  const dispatcher = kernel.container.resolve(EventDispatcherToken);
  for (let i = 0; i < 400; i += 1) {
    await dispatcher.drain();
    if (await until()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the events did not settle');
}

describe('a won deal in the CRM reaches the sales app through the outbox', () => {
  it('becomes one gold account in sales, typed by the CRM payload, once', async () => {
    const { kernel } = await boot();
    const deal = await openDeal(kernel);
    const won = await call(kernel, 'POST', `/api/crm/deals/${deal.id}/win`);
    expect(won.status).toBe(200);
    await settle(kernel, async () => (await goldAccounts(kernel, deal.title)) === 1);
    // later passes deliver nothing again
    await kernel.container.resolve(EventDispatcherToken).drain();
    expect(await goldAccounts(kernel, deal.title)).toBe(1);
  });

  it('keeps the write when a subscriber fails; its dead letter is retried and discarded over the API', async () => {
    let healthy = false;
    const handled: string[] = [];
    const { kernel } = await boot({
      'crm.deal.won': (_ctx, deal: { dealId: string }) => {
        if (!healthy) throw new Error('the invoice service is down');
        handled.push(deal.dealId);
      },
    });
    const deal = await openDeal(kernel);
    const won = await call(kernel, 'POST', `/api/crm/deals/${deal.id}/win`);
    expect(won.status).toBe(200);
    const stored = await call(kernel, 'GET', `/api/crm/deals/${deal.id}`);
    expect(stored.body.status).toBe('won');
    // the CRM's own subscriber fails every attempt; the sales consumer is not held back
    await settle(kernel, async () => {
      const { body } = await call(kernel, 'GET', '/api/events/dead-letters');
      return (body.items as unknown[]).length === 1 && (await goldAccounts(kernel, deal.title)) === 1;
    });
    const { body: page } = await call(kernel, 'GET', '/api/events/dead-letters');
    const [letter] = page.items as { consumer: string; eventId: string; event: string; attempts: number }[];
    expect(letter).toMatchObject({ consumer: 'crm', event: 'crm.deal.won', attempts: 3 });
    expect(page.nextCursor).toBeNull();
    if (letter === undefined) throw new Error('one dead letter expected');

    // bad input: a problem naming the field; an unknown dead letter: 404
    const bad = await call(kernel, 'POST', '/api/events/dead-letters/crm/not-a-uuid/retry');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('eventId');
    const badPage = await call(kernel, 'GET', '/api/events/dead-letters?pageSize=0');
    expect(badPage.status).toBe(400);
    const unknown = await call(kernel, 'POST', `/api/events/dead-letters/sales/${letter.eventId}/retry`);
    expect(unknown.status).toBe(404);

    healthy = true;
    const retried = await call(kernel, 'POST', `/api/events/dead-letters/crm/${letter.eventId}/retry`);
    expect(retried.status).toBe(204);
    await settle(kernel, async () => handled.length === 1);
    expect(handled).toEqual([deal.id]);
    expect((await call(kernel, 'GET', '/api/events/dead-letters')).body.items).toEqual([]);
    const again = await call(kernel, 'DELETE', `/api/events/dead-letters/crm/${letter.eventId}`);
    expect(again.status).toBe(404);
    const audit = await call(kernel, 'GET', '/api/audit/log?action=events.dead_letter_retried');
    expect((audit.body.items as unknown[]).length).toBe(1);
  });
});
