import { buildOpenApi } from '@codexion/schema';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { AppAccess } from './app-access.js';
import type { AppEnv } from './app-env.js';
import type { HttpAppOptions } from './create-http-app.js';
import { billingModel, echoHandlers, recordId, tenantHeaders, testApp } from './http-test-app.test-helper.js';
import type { HttpPlugin } from './operation-router.js';
import { problemFor, problemResponse } from './problem.js';
import { memoryRateLimitStore } from './rate-limit-store.js';

/**
 * Who reaches an app's operations over `createHttpApp`: a public action without credentials or
 * tenant (rate-limited per client address), the protected ones behind authentication, the app
 * gate (AppAccess) and the permission, in that order.
 */
function billingWithLookup(name = 'billing'): HttpPlugin {
  const model = billingModel(name);
  model.actions.push({
    id: 'lookupInvoice',
    summary: 'Look up an invoice by its number',
    method: 'GET',
    path: '/invoices/lookup',
    access: 'public',
    request: {
      type: 'object',
      properties: { number: { type: 'string', minLength: 3 } },
      required: ['number'],
    },
  });
  const openapi = buildOpenApi(model);
  return {
    name,
    openapi,
    handlers: {
      ...echoHandlers(openapi),
      lookupInvoice: (c, input) =>
        c.json({ operationId: 'lookupInvoice', input, tenantId: c.get('tenantId'), ip: c.get('clientIp') }),
    },
  };
}

/** Refuses every request, as authentication does one without credentials. */
const refuseAll: NonNullable<HttpAppOptions['auth']> = {
  routes: new Hono<AppEnv>(),
  authenticate: async (c) =>
    problemResponse(problemFor(c, new DomainError('UNAUTHENTICATED', 'Sign in first'))),
  openapi: buildOpenApi({
    manifest: { name: 'auth', version: '1.0.0', title: 'Auth', framework: '^0.1.0' },
    entities: [],
    actions: [],
  }),
};

function appWith(overrides: Partial<HttpAppOptions> = {}) {
  return testApp({ plugins: [billingWithLookup()], ...overrides }).app;
}

const lookup = '/api/billing/invoices/lookup?number=INV-1';
const off: AppAccess = { isEnabled: () => false };

describe('public operations', () => {
  it('answer without credentials or tenant, where every other operation needs both', async () => {
    const app = appWith({ auth: refuseAll });
    const response = await app.request(lookup);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ operationId: 'lookupInvoice', input: { query: { number: 'INV-1' } } });
    expect(body).not.toHaveProperty('tenantId');
    const list = await app.request('/api/billing/invoices', { headers: tenantHeaders() });
    expect(list.status).toBe(401);
    // a static public path wins over a protected template beside it
    const get = await app.request(`/api/billing/invoices/${recordId}`, { headers: tenantHeaders() });
    expect(get.status).toBe(401);
  });

  it('validate their input against the contract', async () => {
    const response = await appWith({ auth: refuseAll }).request('/api/billing/invoices/lookup?number=x');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ errors: [{ path: '/query/number' }] });
  });

  it('are limited per client address (as far as the proxies are trusted) with 429 and Retry-After', async () => {
    const app = appWith({
      publicRateLimit: { limit: 2, windowMs: 60_000, store: memoryRateLimitStore() },
      trustProxyHops: 1,
    });
    const from = (ip: string) => app.request(lookup, { headers: { 'X-Forwarded-For': `10.0.0.1, ${ip}` } });
    const first = await from('203.0.113.7');
    expect(await first.json()).toMatchObject({ ip: '203.0.113.7' });
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await from('203.0.113.7')).status).toBe(200);
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.8')).status).toBe(200);

    const unlimited = appWith({ publicRateLimit: false });
    for (let i = 0; i < 40; i++) expect((await unlimited.request(lookup)).status).toBe(200);
    expect((await unlimited.request(lookup)).headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('the app gate', () => {
  it('answers 404 APP_DISABLED before the permission check, and leaves public operations open', async () => {
    const app = appWith({ appAccess: off, permissions: () => new Set() });
    const response = await app.request('/api/billing/invoices', { headers: tenantHeaders() });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      code: 'APP_DISABLED',
      detail: 'The app "billing" is not enabled for this tenant',
      app: 'billing',
    });
    expect((await app.request(lookup)).status).toBe(200);
    const on = appWith({ appAccess: { isEnabled: async () => true }, permissions: () => new Set() });
    expect((await on.request('/api/billing/invoices', { headers: tenantHeaders() })).status).toBe(403);
  });

  it('asks with the request’s tenant and the app’s name, and never gates the framework’s own APIs', async () => {
    const asked: string[] = [];
    const access: AppAccess = {
      isEnabled: (tenantId, app) => {
        asked.push(`${tenantId}/${app}`);
        return app !== 'billing';
      },
    };
    const core = { ...billingWithLookup('core'), builtIn: true };
    const app = testApp({ plugins: [billingWithLookup(), core], appAccess: access }).app;
    expect((await app.request('/api/core/invoices', { headers: tenantHeaders() })).status).toBe(200);
    expect((await app.request('/api/billing/invoices', { headers: tenantHeaders() })).status).toBe(404);
    expect(asked).toEqual([`${tenantHeaders()['X-Codexion-Tenant']}/billing`]);
  });
});
