import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import {
  billingOpenApi,
  echoHandlers,
  recordId,
  tenantHeaders,
  testApp,
} from './http-test-app.test-helper.js';
import {
  ContractMismatchError,
  createOperationRouter,
  hasPermission,
  verifyContract,
} from './operation-router.js';
import { tenantFromHeader } from './tenant-context.js';

const { app } = testApp();
const invoices = '/api/billing/invoices';
const invoice = `${invoices}/${recordId}`;

interface Echo {
  operationId: string;
  input: {
    params: Record<string, string>;
    query: Record<string, unknown>;
    body: unknown;
    headers: Record<string, string>;
  };
  tenantId: string;
  routeTemplate: string;
}

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await app.request(path, {
    ...init,
    headers: tenantHeaders(init.headers as Record<string, string>),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function echo(path: string, init: RequestInit = {}): Promise<Echo> {
  const { status, body } = await call(path, init);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as Echo;
}

function post(body: unknown, contentType = 'application/json'): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('verifyContract', () => {
  const doc = billingOpenApi();

  it('reports operations without handler and handlers without operation', () => {
    const { listInvoices: _a, getInvoice: _b, ...handlers } = echoHandlers(doc);
    expect(
      verifyContract(doc, { ...handlers, archiveInvoice: () => new Response(), zap: () => new Response() }),
    ).toEqual({
      missing: ['getInvoice', 'listInvoices'],
      extra: ['archiveInvoice', 'zap'],
    });
    expect(verifyContract(doc, echoHandlers(doc))).toEqual({ missing: [], extra: [] });
  });

  it('stops the router from building, naming what is wrong', () => {
    const { sendInvoice: _dropped, ...handlers } = echoHandlers(doc);
    const build = () =>
      createOperationRouter({ name: 'billing', openapi: doc, handlers }, { tenant: tenantFromHeader() });
    expect(build).toThrow(ContractMismatchError);
    expect(build).toThrow(
      'App "billing" does not implement its OpenAPI contract: operations without a handler: sendInvoice',
    );
  });
});

describe('mounting', () => {
  it('calls the handler with the route template, tenant and parsed input', async () => {
    const result = await echo(invoice);
    expect(result).toMatchObject({
      operationId: 'getInvoice',
      routeTemplate: '/api/billing/invoices/{id}',
      tenantId: '5d0c8a52-3c7e-4f8e-9a8e-1f2b3c4d5e6f',
      input: { params: { id: recordId }, query: {} },
    });
    expect(result.input.headers['x-codexion-tenant']).toBe('5d0c8a52-3c7e-4f8e-9a8e-1f2b3c4d5e6f');
  });

  it('prefers a static segment to a parameter', async () => {
    const result = await echo(`${invoices}/bulk`, post({ items: [{ number: 'A-1', amount: 1 }] }));
    expect(result.operationId).toBe('bulkCreateInvoices');
  });
});

describe('tenant context', () => {
  it('answers 401 without a tenant and 400 for one that is not a uuid', async () => {
    const missing = await app.request(invoices);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const invalid = await app.request(invoices, { headers: { 'X-Codexion-Tenant': 'acme' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      code: 'INVALID_PARAMETER',
      errors: [{ path: '/headers/x-codexion-tenant', code: 'format' }],
    });
  });

  it('falls back to a default tenant, and ignores the header when it is not trusted', async () => {
    const defaultTenantId = '6f1d2c3b-4a59-4687-9a8b-7c6d5e4f3a21';
    const { app: fallback } = testApp({ tenant: tenantFromHeader({ defaultTenantId, trustHeader: false }) });
    const response = await fallback.request(invoice, { headers: { 'X-Codexion-Tenant': recordId } });
    expect(((await response.json()) as Echo).tenantId).toBe(defaultTenantId);
  });
});

describe('permissions', () => {
  it('answers 403 FORBIDDEN without the operation permission', async () => {
    const { app: limited } = testApp({ permissions: () => new Set(['billing:invoice:read']) });
    const read = await limited.request(invoice, { headers: tenantHeaders() });
    expect(read.status).toBe(200);
    const send = await limited.request(`${invoice}/send`, {
      ...post({ to: 'a@b.co' }),
      headers: tenantHeaders({ 'Content-Type': 'application/json' }),
    });
    expect(send.status).toBe(403);
    expect(await send.json()).toMatchObject({ code: 'FORBIDDEN', permission: 'billing:invoice:send' });
  });

  it('grants nothing when no resolver is given', async () => {
    const { app: closed } = testApp({ permissions: undefined });
    expect((await closed.request(invoice, { headers: tenantHeaders() })).status).toBe(403);
  });

  it('understands wildcards', () => {
    expect(hasPermission(new Set(['*']), 'billing:invoice:read')).toBe(true);
    expect(hasPermission(new Set(['billing:*']), 'billing:invoice:read')).toBe(true);
    expect(hasPermission(new Set(['billing:invoice:*']), 'billing:invoice:read')).toBe(true);
    expect(hasPermission(new Set(['billing:invoice:read']), 'billing:invoice:send')).toBe(false);
    expect(hasPermission(new Set(['crm:*']), 'billing:invoice:read')).toBe(false);
  });
});

describe('parameters', () => {
  it('coerces query values to their declared types', async () => {
    const { input } = await echo(
      `${invoices}?pageSize=20&total=true&sort=-amount,number&q=abc&filter[amount][gte]=100&filter[paid]=true`,
    );
    expect(input.query).toEqual({
      pageSize: 20,
      total: true,
      sort: ['-amount', 'number'],
      q: 'abc',
      filter: { amount: { gte: '100' }, paid: 'true' },
    });
  });

  it('reports invalid query values under /query', async () => {
    const { status, body } = await call(`${invoices}?pageSize=0&total=maybe&sort=color&bogus=1`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_PARAMETER', status: 400 });
    const paths = (body.errors as { path: string; code: string }[]).map((e) => `${e.path} ${e.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/query/bogus unknown',
        '/query/pageSize minimum',
        '/query/total type',
        '/query/sort/0 enum',
      ]),
    );
  });

  it('reports a filter on an unknown field', async () => {
    const { status, body } = await call(`${invoices}?filter[colour]=red`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { path: '/query/filter/colour', code: 'additionalProperties', message: 'is not a known field' },
    ]);
  });

  it('checks filter leaves against their field type but hands them over as text', async () => {
    const { status, body } = await call(`${invoices}?filter[amount][gte]=abc`);
    expect(status).toBe(400);
    expect(body.errors).toContainEqual({
      path: '/query/filter/amount/gte',
      code: 'type',
      message: 'must be number',
    });
    const { input } = await echo(`${invoices}?filter[amount][in]=1,2&filter[dueDate][lt]=2026-01-01`);
    expect(input.query.filter).toEqual({ amount: { in: '1,2' }, dueDate: { lt: '2026-01-01' } });
  });

  it('checks required and typed query parameters of a GET action', async () => {
    const missing = await call('/api/billing/aging');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: '/query/asOf', code: 'required', message: 'is required' }]);
    const { input } = await echo('/api/billing/aging?asOf=2026-03-31&bucketDays=30');
    expect(input.query).toEqual({ asOf: '2026-03-31', bucketDays: 30 });
  });

  it('reports an invalid path parameter under /params', async () => {
    const { status, body } = await call(`${invoices}/not-a-uuid`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: '/params/id', code: 'format', message: 'must be a valid uuid' }]);
  });
});

describe('bodies', () => {
  it('passes a valid body to the handler', async () => {
    const { input } = await echo(invoices, post({ number: 'A-1', amount: 10, paid: false }));
    expect(input.body).toEqual({ number: 'A-1', amount: 10, paid: false });
  });

  it('answers 422 VALIDATION_FAILED with paths under /body', async () => {
    const { status, body } = await call(invoices, post({ amount: -1, colour: 'red' }));
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: '/body/number', code: 'required', message: 'is required' },
        { path: '/body/amount', code: 'minimum', message: 'must be >= 0' },
        { path: '/body/colour', code: 'additionalProperties', message: 'is not a known field' },
      ]),
    );
  });

  it('calls a system or read-only field read-only rather than unknown', async () => {
    const { status, body } = await call(
      invoices,
      post({ number: 'A-1', amount: 1, id: recordId, postedAt: null }),
    );
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { path: '/body/id', code: 'readOnly', message: 'is read-only' },
      { path: '/body/postedAt', code: 'readOnly', message: 'is read-only' },
    ]);
    const bulk = await call(`${invoices}/bulk`, post({ items: [{ number: 'A-1', amount: 1, version: 3 }] }));
    expect(bulk.body.errors).toEqual([
      { path: '/body/items/0/version', code: 'readOnly', message: 'is read-only' },
    ]);
  });

  it('answers 400 MALFORMED_JSON for a body that does not parse', async () => {
    const { status, body } = await call(invoices, post('{"number": '));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers 415 for a media type the operation does not take', async () => {
    const plain = await call(invoices, post('number=A-1', 'text/plain'));
    expect(plain.status).toBe(415);
    expect(plain.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', accept: ['application/json'] });
    const none = await call(invoices, { method: 'POST', body: new TextEncoder().encode('{}') });
    expect(none.status).toBe(415);
    const patchAsJson = await call(invoice, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: '{}',
    });
    expect(patchAsJson.status).toBe(415);
    expect(patchAsJson.body.accept).toEqual(['application/merge-patch+json']);
  });

  it('answers 422 for a missing required body', async () => {
    const { status, body } = await call(invoices, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ path: '/body', code: 'required', message: 'is required' }]);
  });

  it('accepts a merge patch with charset and If-Match', async () => {
    const { input } = await echo(invoice, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json; charset=utf-8', 'If-Match': '"3"' },
      body: JSON.stringify({ dueDate: null, amount: 5 }),
    });
    expect(input.body).toEqual({ dueDate: null, amount: 5 });
    expect(input.headers['if-match']).toBe('"3"');
  });
});

describe('preconditions', () => {
  it('answers 428 PRECONDITION_REQUIRED when a required If-Match is missing', async () => {
    const { status, body } = await call(invoice, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{"amount": 5}',
    });
    expect(status).toBe(428);
    expect(body).toMatchObject({
      code: 'PRECONDITION_REQUIRED',
      errors: [{ path: '/headers/if-match', code: 'required', message: 'is required' }],
    });
  });

  it('lets a delete go without If-Match, which is optional there', async () => {
    expect((await echo(invoice, { method: 'DELETE' })).operationId).toBe('deleteInvoice');
  });
});

describe('the sales fixture contract', () => {
  const url = new URL('../../../cli/fixtures/sales/core/generated/openapi.json', import.meta.url);
  const sales = JSON.parse(readFileSync(url, 'utf8')) as OpenApiDocument;
  const { app: salesApp } = testApp({
    plugins: [{ name: 'sales', openapi: sales, handlers: echoHandlers(sales) }],
  });
  const json = { 'Content-Type': 'application/json' };

  it('validates its bodies and queries', async () => {
    const valid = await salesApp.request(
      '/api/sales/opportunities?filter[amount][gte]=100&sort=-amount&pageSize=5',
      {
        headers: tenantHeaders(),
      },
    );
    expect(valid.status).toBe(200);
    const created = await salesApp.request('/api/sales/opportunities', {
      method: 'POST',
      headers: tenantHeaders(json),
      body: JSON.stringify({
        title: 'Big deal',
        accountId: recordId,
        stage: 'lead',
        status: 'open',
        currency: 'EUR',
        id: recordId,
      }),
    });
    expect(created.status).toBe(422);
    expect((await created.json()) as object).toMatchObject({
      errors: [{ path: '/body/id', code: 'readOnly', message: 'is read-only' }],
    });
    const moved = await salesApp.request(`/api/sales/opportunities/${recordId}/move`, {
      method: 'POST',
      headers: tenantHeaders(json),
      body: JSON.stringify({ stage: 'won' }),
    });
    expect(moved.status).toBe(422);
    expect((await moved.json()) as object).toMatchObject({ errors: [{ path: '/body/stage', code: 'enum' }] });
  });
});
