import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentTenantId } from '../foundation/load-config.js';
import { verifyContract } from '../http/operation-router.js';
import type { HttpServer } from '../http/serve.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { createKernel, type Kernel } from './boot.js';
import type { BootReport } from './kernel-options.js';
import { DatabaseToken, LoggerToken } from './kernel-tokens.js';
import { pluginHandlers, resourceHandlerFactory } from './plugin-handlers.js';
import { logCapture } from './probe-app.test-helper.js';
import { responseValidator } from './response-validator.js';

/**
 * The sales fixture booted by the kernel, served over a real socket: PGlite in memory, or a
 * database of its own on the server DATABASE_URL names (dropped afterwards).
 */
const serverUrl = process.env.DATABASE_URL;
const onPostgres = serverUrl !== undefined && /^postgres(ql)?:/.test(serverUrl);
const otherTenant = '7e7e7e7e-0000-4000-8000-00000000007e';
const email = 'buyer@acme-pii.example';

let root: string;
let kernel: Kernel;
let server: HttpServer;
let report: BootReport;
let sales: RegisteredPlugin;
let check: ReturnType<typeof responseValidator>;
let dropDatabase: () => Promise<void> = async () => {};
const logs = logCapture();

async function ownDatabaseUrl(): Promise<string> {
  const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => undefined });
  const name = `prefiq_sales_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-sales-'));
  const database = onPostgres
    ? { DATABASE_URL: await ownDatabaseUrl() }
    : { CODEXION_DATABASE__DATA_DIR: 'memory://' };
  kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    env: { NODE_ENV: 'test', ...database },
    logDestination: logs.stream,
  });
  report = await kernel.boot({ seed: true });
  server = await kernel.listen({ port: 0 });
  const [registered] = kernel.plugins;
  if (!registered) throw new Error('sales did not boot');
  sales = registered;
  check = responseValidator(sales.openapi);
  // a cold PGlite takes seconds, more on a busy machine
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await dropDatabase();
  await rm(root, { recursive: true, force: true });
}, 30_000);

interface Call {
  status: number;
  headers: Headers;
  body: unknown;
  issues: unknown[];
}

/** One request over HTTP, its response checked against the operation's documented response. */
async function call(operationId: string, path: string, init: RequestInit = {}): Promise<Call> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const response = await fetch(`${server.url}/api/sales${path}`, { ...init, headers });
  const issues = await check(operationId, response);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
    issues,
  };
}

type Row = Record<string, unknown> & { id: string; version: number };

describe('the sales fixture on the kernel', () => {
  it(`booted on ${onPostgres ? 'PostgreSQL' : 'PGlite'}: migrated, seeded, versions recorded`, async () => {
    expect(report).toMatchObject({
      mode: 'serve',
      plugins: [{ name: 'sales', version: '0.1.0' }],
      migrations: [{ name: 'sales', tags: ['0000_init'] }],
      upgrades: [{ plugin: 'sales', to: '0.1.0' }],
      seeded: [{ plugin: 'sales', tenantId: developmentTenantId }],
    });
    expect(report.routes).toContainEqual({
      method: 'POST',
      path: '/api/sales/opportunities/{id}/move',
      operationId: 'moveOpportunity',
      plugin: 'sales',
    });
    const booted = logs.lines().find((l) => l.msg === 'sales plugin booted');
    expect(booted).toMatchObject({ module: 'sales', accounts: 2 });
  });

  it('every operation of the contract has a handler, and no handler is outside it', async () => {
    const database = kernel.container.resolve(DatabaseToken);
    const handlers = await pluginHandlers(
      sales,
      database,
      resourceHandlerFactory({ cursorSecret: kernel.config.secrets.cursor ?? '' }),
    );
    expect(verifyContract(sales.openapi, handlers)).toEqual({ missing: [], extra: [] });
    expect(Object.keys(handlers)).toHaveLength(16);
  });

  it('serves CRUD with filters, pagination and ETags, each response as documented', async () => {
    const seeded = await call('listAccounts', '/accounts?sort=name');
    expect(seeded.issues).toEqual([]);
    expect((seeded.body as { items: Row[] }).items.map((a) => a.name)).toEqual(['Acme GmbH', 'Globex']);

    const created = await call('createAccount', '/accounts', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Initech',
        domain: 'initech.example',
        tier: 'platinum',
        employees: 300,
        contactEmail: email,
      }),
    });
    expect(created.status).toBe(201);
    expect(created.issues).toEqual([]);
    const initech = created.body as Row;
    expect(created.headers.get('location')).toBe(`/api/sales/accounts/${initech.id}`);
    expect(created.headers.get('etag')).toBe(`"${initech.id}:1"`);
    expect(initech).toMatchObject({ tenantId: developmentTenantId, version: 1, contactEmail: email });

    const gold = await call('listAccounts', '/accounts?filter[tier][in]=gold,platinum&sort=-employees');
    expect(gold.issues).toEqual([]);
    expect((gold.body as { items: Row[] }).items.map((a) => a.name)).toEqual(['Initech', 'Acme GmbH']);

    const first = await call('listAccounts', '/accounts?sort=name&pageSize=2&total=true');
    const page1 = first.body as { items: Row[]; nextCursor: string | null; total: number };
    expect(page1).toMatchObject({ total: 3 });
    expect(page1.items.map((a) => a.name)).toEqual(['Acme GmbH', 'Globex']);
    const second = await call(
      'listAccounts',
      `/accounts?sort=name&pageSize=2&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`,
    );
    expect(second.issues).toEqual([]);
    expect((second.body as { items: Row[]; nextCursor: null }).items.map((a) => a.name)).toEqual(['Initech']);
    expect((second.body as { nextCursor: null }).nextCursor).toBeNull();

    const got = await call('getAccount', `/accounts/${initech.id}`);
    expect(got.issues).toEqual([]);
    const etag = got.headers.get('etag') ?? '';
    const patched = await call('updateAccount', `/accounts/${initech.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': etag },
      body: JSON.stringify({ employees: 301 }),
    });
    expect(patched.status).toBe(200);
    expect(patched.issues).toEqual([]);
    expect(patched.body).toMatchObject({ employees: 301, version: 2 });
    const stale = await call('updateAccount', `/accounts/${initech.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': etag },
      body: JSON.stringify({ employees: 302 }),
    });
    expect(stale.status).toBe(412);
    expect(stale.issues).toEqual([]);

    const deleted = await call('deleteAccount', `/accounts/${initech.id}`, {
      method: 'DELETE',
      headers: { 'if-match': patched.headers.get('etag') ?? '' },
    });
    expect(deleted.status).toBe(204);
    expect((await call('getAccount', `/accounts/${initech.id}`)).status).toBe(404);
    const restored = await call('restoreAccount', `/accounts/${initech.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(restored.issues).toEqual([]);

    const elsewhere = await call('listAccounts', '/accounts', {
      headers: { 'x-codexion-tenant': otherTenant },
    });
    expect((elsewhere.body as { items: Row[] }).items).toEqual([]);
  });

  it('runs the plugin hook and its moveOpportunity action in a transaction', async () => {
    const accounts = (await call('listAccounts', '/accounts?sort=name')).body as { items: Row[] };
    const created = await call('createOpportunity', '/opportunities', {
      method: 'POST',
      // stage, status and currency have defaults, yet the Create schema requires them (reported)
      body: JSON.stringify({
        title: 'Big deal',
        accountId: accounts.items[0]?.id,
        amount: 50_000,
        stage: 'lead',
        status: 'open',
        currency: 'EUR',
      }),
    });
    expect(created.status).toBe(201);
    expect(created.issues).toEqual([]);
    const deal = created.body as Row;
    // the plugin's beforeCreate hook: a probability from the stage
    expect(deal).toMatchObject({ stage: 'lead', status: 'open', probability: 0.1 });

    const moved = await call('moveOpportunity', `/opportunities/${deal.id}/move`, {
      method: 'POST',
      body: JSON.stringify({ stage: 'proposal' }),
    });
    expect(moved.status).toBe(200);
    expect(moved.issues).toEqual([]);
    expect(moved.body).toMatchObject({ id: deal.id, stage: 'proposal', version: 2 });
    expect(moved.headers.get('etag')).toBe(`"${deal.id}:2"`);

    const won = await call('transitionOpportunity', `/opportunities/${deal.id}/transition`, {
      method: 'POST',
      headers: { 'if-match': moved.headers.get('etag') ?? '' },
      body: JSON.stringify({ to: 'won' }),
    });
    expect(won.status).toBe(200);
    const refused = await call('moveOpportunity', `/opportunities/${deal.id}/move`, {
      method: 'POST',
      body: JSON.stringify({ stage: 'lead' }),
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(refused.issues).toEqual([]);

    const missing = await call(
      'moveOpportunity',
      '/opportunities/00000000-0000-4000-8000-0000000000ff/move',
      {
        method: 'POST',
        body: JSON.stringify({ stage: 'lead' }),
      },
    );
    expect(missing.status).toBe(404);
    const invalid = await call('moveOpportunity', `/opportunities/${deal.id}/move`, {
      method: 'POST',
      body: JSON.stringify({ stage: 'closed' }),
    });
    expect(invalid.status).toBe(422);
  });

  it('answers /healthz, /readyz, /metrics and /api/docs', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{route="\/api\/sales\/accounts",method="GET",status="200"\} \d+/,
    );
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    const doc = (await (await fetch(`${server.url}/api/sales/openapi.json`)).json()) as {
      info: { title: string };
    };
    expect(doc.info.title).toBe('Sales (fixture)');
  });

  it('never writes a PII value to the log, even when a record is logged whole', async () => {
    const logger = kernel.container.resolve(LoggerToken);
    const accounts = (await call('listAccounts', '/accounts?filter[name][eq]=Initech')).body as {
      items: Row[];
    };
    expect(accounts.items[0]?.contactEmail).toBe(email);
    logger.info({ record: accounts.items[0], page: accounts }, 'audit');
    expect(logs.text()).toContain('"msg":"audit"');
    expect(logs.text()).not.toContain(email);
  });
});
