import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineProvider } from '../foundation/service-provider.js';
import { IdentityToken } from '../identity/create-identity.js';
import {
  browser,
  type CookieJar,
  json,
  password,
  signIn,
} from '../identity/identity-test-app.test-helper.js';
import { createUser } from '../identity/user-service.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import { createKernel, type Kernel } from './boot.js';
import { AppAccessToken } from './kernel-tokens.js';
import { logCapture } from './probe-app.test-helper.js';
import { responseValidator } from './response-validator.js';

/**
 * Who reaches what, in a production-like kernel (no trusted context): the sales fixture's public
 * `lookupAccount` action without credentials, and the app gate a host registers as AppAccess.
 */
const publicLimit = 5;
let root: string;
let kernel: Kernel;
let tenantA: string;
let tenantB: string;
let owner: CookieJar;
let check: ReturnType<typeof responseValidator>;
/** `<tenant>/<app>` pairs the fake host has switched off */
const disabled = new Set<string>();
const logs = logCapture();

const appAccess = defineProvider({
  name: 'test-app-access',
  register: (container) => {
    container.value(AppAccessToken, { isEnabled: (tenantId, app) => !disabled.has(`${tenantId}/${app}`) });
  },
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-access-'));
  kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    providers: [appAccess],
    env: {
      NODE_ENV: 'test',
      CODEXION_AUTH__TRUSTED_CONTEXT: 'false',
      CODEXION_DATABASE__DATA_DIR: 'memory://',
    },
    overrides: { auth: { trustProxyHops: 1 }, http: { publicRateLimit: { limit: publicLimit } } },
    logDestination: logs.stream,
  });
  await kernel.boot();
  const identity = kernel.container.resolve(IdentityToken);
  const user = await createUser(identity.context, { email: 'owner@access.example', name: 'Owner', password });
  const tenancy = kernel.container.resolve(TenancyToken);
  tenantA = (await tenancy.createTenant({ name: 'Acme', slug: 'acme-access', ownerId: user.id })).id;
  tenantB = (await tenancy.createTenant({ name: 'Globex', slug: 'globex-access', ownerId: user.id })).id;
  owner = (await signIn(kernel.app, 'owner@access.example')).jar;
  for (const [tenant, name, domain] of [
    [tenantA, 'Acme Rockets', 'acme.example'],
    [tenantB, 'Globex', 'globex.example'],
  ] as const) {
    const created = await kernel.app.request(
      '/api/sales/accounts',
      json({ name, domain, tier: 'gold' }, { headers: browser(owner, { 'X-Codexion-Tenant': tenant }) }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
  }
  const [sales] = kernel.plugins;
  if (!sales) throw new Error('sales did not boot');
  check = responseValidator(sales.openapi);
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await rm(root, { recursive: true, force: true });
}, 30_000);

/** A public lookup from a client address of its own, so each test has its own rate-limit count. */
async function lookup(query: Record<string, string>, ip: string) {
  const response = await kernel.app.request(`/api/sales/accounts/lookup?${new URLSearchParams(query)}`, {
    headers: { 'X-Forwarded-For': ip },
  });
  const issues = await check('lookupAccount', response);
  return { status: response.status, headers: response.headers, body: await response.json(), issues };
}

describe('a public action', () => {
  it('answers without credentials, tenant header or session', async () => {
    const found = await lookup({ tenant: tenantA, domain: 'acme.example' }, '203.0.113.1');
    expect(found).toMatchObject({ status: 200, body: { name: 'Acme Rockets', tier: 'gold' }, issues: [] });
    expect(found.headers.get('ratelimit-limit')).toBe(String(publicLimit));
  });

  it('reaches a tenant’s data only through inTenant, where row-level security applies', async () => {
    // the fixture's query has no tenant filter: only the transaction's tenant keeps B's account out
    const elsewhere = await lookup({ tenant: tenantA, domain: 'globex.example' }, '203.0.113.2');
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' }, issues: [] });
    const inB = await lookup({ tenant: tenantB, domain: 'globex.example' }, '203.0.113.2');
    expect(inB).toMatchObject({ status: 200, body: { name: 'Globex' } });
    const unknown = await lookup(
      { tenant: '99999999-0000-4000-8000-000000000099', domain: 'acme.example' },
      '203.0.113.2',
    );
    expect(unknown.status).toBe(404);
  });

  it('validates its input against the contract: problem+json with the field paths', async () => {
    const response = await kernel.app.request(
      '/api/sales/accounts/lookup?tenant=nope&domain=NOT%20A%20DOMAIN',
      {
        headers: { 'X-Forwarded-For': '203.0.113.3' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('INVALID_PARAMETER');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['/query/domain', '/query/tenant']);
    const missing = await lookup({ domain: 'acme.example' }, '203.0.113.3');
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ path: '/query/tenant' }] } });
  });

  it('is rate-limited per client address: 429 with Retry-After, other addresses unaffected', async () => {
    const query = { tenant: tenantA, domain: 'acme.example' };
    for (let i = 0; i < publicLimit; i++) expect((await lookup(query, '203.0.113.4')).status).toBe(200);
    const refused = await lookup(query, '203.0.113.4');
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' }, issues: [] });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lookup(query, '203.0.113.5')).status).toBe(200);
  });

  it('leaves the protected operations behind authentication', async () => {
    const list = await kernel.app.request('/api/sales/accounts', {
      headers: { 'X-Codexion-Tenant': tenantA },
    });
    expect(list.status).toBe(401);
    expect(list.headers.get('content-type')).toContain('application/problem+json');
    const move = await kernel.app.request(
      '/api/sales/opportunities/99999999-0000-4000-8000-000000000099/move',
      json({ stage: 'qualified' }, { headers: { 'X-Codexion-Tenant': tenantA } }),
    );
    expect(move.status).toBe(401);
  });
});

describe('the app gate (AppAccess)', () => {
  const get = (path: string, tenant: string) =>
    kernel.app.request(path, { headers: browser(owner, { 'X-Codexion-Tenant': tenant }) });

  it('answers 404 APP_DISABLED for a tenant that has the app off, and only for it', async () => {
    expect((await get('/api/sales/accounts', tenantA)).status).toBe(200);
    disabled.add(`${tenantA}/sales`);
    try {
      const off = await get('/api/sales/accounts', tenantA);
      expect(off.status).toBe(404);
      expect(off.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await off.json()) as { code: string; detail: string };
      expect(problem.code).toBe('APP_DISABLED');
      expect(problem.detail).toContain('"sales"');
      const write = await kernel.app.request(
        '/api/sales/accounts',
        json({ name: 'Hidden' }, { headers: browser(owner, { 'X-Codexion-Tenant': tenantA }) }),
      );
      expect(write.status).toBe(404);
      // another tenant, the framework's own APIs, the contract and public operations stay open
      expect((await get('/api/sales/accounts', tenantB)).status).toBe(200);
      expect((await get('/api/tenancy/tenant', tenantA)).status).toBe(200);
      expect((await get('/api/audit/log', tenantA)).status).toBe(200);
      expect((await kernel.app.request('/api/sales/openapi.json')).status).toBe(200);
      expect((await lookup({ tenant: tenantA, domain: 'acme.example' }, '203.0.113.6')).status).toBe(200);
    } finally {
      disabled.delete(`${tenantA}/sales`);
    }
    expect((await get('/api/sales/accounts', tenantA)).status).toBe(200);
  });
});
