import { buildOpenApi, type OpenApiDocument } from '@codexion/schema';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env.js';
import { createHttpApp } from '../http/create-http-app.js';
import { tenantFromHeader } from '../http/tenant-context.js';
import { createMetrics } from '../observability/metrics.js';
import { resourceHandlers } from './resource-routes.js';
import { type SalesEngine, salesEngine, tenantA, tenantB } from './sales-engine.test-helper.js';

let s: SalesEngine;
let openapi: OpenApiDocument;
let app: Hono<AppEnv>;
let granted = new Set(['*']);

beforeAll(async () => {
  s = await salesEngine();
  openapi = buildOpenApi(s.model);
  app = createHttpApp({
    plugins: [
      {
        name: 'sales',
        openapi,
        handlers: {
          ...resourceHandlers(s.engine, s.model),
          moveOpportunity: (c) => c.json({}),
          lookupAccount: (c) => c.json({}),
        },
      },
    ],
    logger: pino({ level: 'silent' }),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({ database: { ok: true } }),
    tenant: tenantFromHeader(),
    permissions: () => granted,
    environment: 'test',
  }) as unknown as Hono<AppEnv>;
});
afterAll(() => s?.dispose());

const call = async (
  method: string,
  path: string,
  {
    body,
    tenant = tenantA,
    headers = {},
  }: { body?: unknown; tenant?: string; headers?: Record<string, string> } = {},
) => {
  const response = await app.request(`/api/sales${path}`, {
    method,
    headers: {
      'X-Codexion-Tenant': tenant,
      ...(body === undefined
        ? {}
        : { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
};

describe('resourceHandlers', () => {
  it('has exactly the CRUD operationIds of the OpenAPI document', () => {
    const crud = Object.values(openapi.paths)
      .flatMap((item) => Object.values(item ?? {}))
      .map((operation) => (operation as { operationId: string }).operationId)
      .filter((id) => id !== 'moveOpportunity' && id !== 'lookupAccount')
      .sort();
    expect(Object.keys(resourceHandlers(s.engine)).sort()).toEqual(crud);
    expect(crud).toEqual(
      [
        'listAccounts',
        'createAccount',
        'bulkCreateAccounts',
        'getAccount',
        'updateAccount',
        'deleteAccount',
        'restoreAccount',
        'listOpportunities',
        'createOpportunity',
        'bulkCreateOpportunities',
        'getOpportunity',
        'updateOpportunity',
        'deleteOpportunity',
        'transitionOpportunity',
      ].sort(),
    );
  });
});

describe('resources over HTTP', () => {
  it('creates (201, Location, ETag), reads (ETag), patches under If-Match, lists and deletes', async () => {
    const created = await call('POST', '/accounts', { body: { name: 'Acme', domain: 'acme.com' } });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(created.headers.get('location')).toBe(`/api/sales/accounts/${id}`);
    expect(created.headers.get('etag')).toBe(`"${id}:1"`);

    const read = await call('GET', `/accounts/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe(`"${id}:1"`);

    const patched = await call('PATCH', `/accounts/${id}`, {
      body: { employees: 12 },
      headers: { 'If-Match': `"${id}:1"` },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe(`"${id}:2"`);
    const stale = await call('PATCH', `/accounts/${id}`, {
      body: { employees: 13 },
      headers: { 'If-Match': `"${id}:1"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.code).toBe('PRECONDITION_FAILED');

    const list = await call('GET', '/accounts?filter[employees][gte]=10&sort=-name&fields=name&total=true');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [{ id, version: 2, name: 'Acme' }], nextCursor: null, total: 1 });

    expect((await call('DELETE', `/accounts/${id}`)).status).toBe(204);
    expect((await call('GET', `/accounts/${id}`)).status).toBe(404);
    const restored = await call('POST', `/accounts/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe(`"${id}:4"`);
  });

  it('bulk creates and pages with the cursor', async () => {
    const bulk = await call('POST', '/accounts/bulk', {
      body: { items: [{ name: 'B1' }, { name: 'B2' }, { name: 'B3' }] },
    });
    expect(bulk.status).toBe(201);
    expect((bulk.body.items as unknown[]).length).toBe(3);
    const first = await call('GET', '/accounts?pageSize=2&sort=name');
    const second = await call(
      'GET',
      `/accounts?pageSize=2&sort=name&cursor=${String(first.body.nextCursor)}`,
    );
    expect(
      [...(first.body.items as { name: string }[]), ...(second.body.items as { name: string }[])].map(
        (r) => r.name,
      ),
    ).toEqual(['Acme', 'B1', 'B2', 'B3']);
    const forged = await call(
      'GET',
      `/accounts?pageSize=2&sort=name&cursor=${String(first.body.nextCursor)}x`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_CURSOR');
  });

  it('moves a record through its workflow, checking the transition’s permission', async () => {
    const account = await call('POST', '/accounts', { body: { name: 'Flow' } });
    const deal = await call('POST', '/opportunities', {
      // the Create schema requires fields that have defaults (contract: see the report)
      body: {
        title: 'Deal',
        accountId: account.body.id,
        amount: 5,
        stage: 'lead',
        status: 'open',
        currency: 'EUR',
      },
    });
    const id = String(deal.body.id);
    const won = await call('POST', `/opportunities/${id}/transition`, {
      body: { to: 'won' },
      headers: { 'If-Match': `"${id}:1"` },
    });
    expect(won.status).toBe(200);
    expect(won.body.status).toBe('won');
    const included = await call('GET', `/opportunities/${id}?include=accountId&fields=title`);
    expect(included.body).toMatchObject({ title: 'Deal', account: { name: 'Flow' } });
    granted = new Set(['sales:opportunity:update']);
    const reopen = await call('POST', `/opportunities/${id}/transition`, { body: { to: 'open' } });
    expect(reopen.status).toBe(403);
    granted = new Set(['*']);
    expect((await call('POST', `/opportunities/${id}/transition`, { body: { to: 'lost' } })).status).toBe(
      409,
    );
  });

  it('answers problem+json with issues for bad input, and changes nothing', async () => {
    const before = await s.database.execute('select count(*)::int as n from sales.accounts');
    const wrong = await call('POST', '/accounts', { body: { name: 'X', employees: 'many', id: 'nope' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/body/employees' })]),
    );
    const duplicate = await call('POST', '/accounts', { body: { name: 'Again', domain: 'acme.com' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      code: 'UNIQUE_VIOLATION',
      errors: [expect.objectContaining({ path: '/body/domain' })],
    });
    const badFilter = await call('GET', '/accounts?filter[employees][gte]=lots');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^\/query\/filter\/employees/) }),
      ]),
    );
    const badSort = await call('GET', '/accounts?sort=nope');
    expect(badSort.status).toBe(400);
    const badWhere = await call('GET', `/accounts?where=${encodeURIComponent('{"==":[{"var":"nope"},1]}')}`);
    expect(badWhere.body).toMatchObject({
      code: 'INVALID_FILTER',
      errors: [expect.objectContaining({ path: '/query/where/==/0' })],
    });
    expect(await s.database.execute('select count(*)::int as n from sales.accounts')).toEqual(before);
  });

  it('keeps tenants apart', async () => {
    const mine = await call('POST', '/accounts', { body: { name: 'Mine' } });
    const id = String(mine.body.id);
    expect((await call('GET', `/accounts/${id}`, { tenant: tenantB })).status).toBe(404);
    expect(
      (
        await call('PATCH', `/accounts/${id}`, {
          tenant: tenantB,
          body: { name: 'x' },
          headers: { 'If-Match': '*' },
        })
      ).status,
    ).toBe(404);
    expect((await call('DELETE', `/accounts/${id}`, { tenant: tenantB })).status).toBe(404);
    expect(((await call('GET', '/accounts', { tenant: tenantB })).body.items as unknown[]).length).toBe(0);
  });
});
