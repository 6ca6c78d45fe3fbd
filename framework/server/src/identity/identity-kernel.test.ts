import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@codexion/schema';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingOpenApi } from '../http/http-test-app.test-helper.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { DatabaseToken } from '../kernel/kernel-tokens.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import { IdentityToken } from './create-identity.js';
import { browser, json, password, signIn } from './identity-test-app.test-helper.js';
import { createUser } from './user-service.js';

/**
 * Authentication inside the kernel: the sales fixture booted with the trusted context off, real
 * tenancy (memberships, suspension) and the real audit log, on PGlite or PostgreSQL.
 */
const serverUrl = process.env.DATABASE_URL;
const onPostgres = serverUrl !== undefined && /^postgres(ql)?:/.test(serverUrl);

let root: string;
let kernel: Kernel;
let dropDatabase: () => Promise<void> = async () => {};
let tenantId: string;
const logs = logCapture();

async function ownDatabaseUrl(): Promise<string> {
  const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => undefined });
  const name = `prefiq_identity_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
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
  root = await mkdtemp(join(tmpdir(), 'prefiq-identity-'));
  const database = onPostgres
    ? { DATABASE_URL: await ownDatabaseUrl() }
    : { CODEXION_DATABASE__DATA_DIR: 'memory://' };
  kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    env: { NODE_ENV: 'test', CODEXION_AUTH__TRUSTED_CONTEXT: 'false', ...database },
    logDestination: logs.stream,
  });
  await kernel.boot();
  const identity = kernel.container.resolve(IdentityToken);
  const owner = await createUser(identity.context, { email: 'owner@acme.example', name: 'Owner', password });
  const tenant = await kernel.container
    .resolve(TenancyToken)
    .createTenant({ name: 'Acme', slug: 'acme-identity', ownerId: owner.id });
  tenantId = tenant.id;
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await dropDatabase();
  await rm(root, { recursive: true, force: true });
}, 30_000);

describe('authentication in the kernel', () => {
  it('refuses the app API without credentials once the trusted context is off', async () => {
    const response = await kernel.app.request('/api/sales/accounts', {
      headers: { 'X-Codexion-Tenant': tenantId },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    // the contract stays public
    expect((await kernel.app.request('/api/sales/openapi.json')).status).toBe(200);
  });

  it('signs in, lands in the tenant tenancy picks, and works there with the role’s permissions', async () => {
    const { jar, body } = await signIn(kernel.app, 'owner@acme.example');
    expect(body).toMatchObject({ session: { tenantId } });
    const me = (await (await kernel.app.request('/api/auth/me', { headers: browser(jar) })).json()) as {
      roles: string[];
      permissions: string[];
    };
    expect(me.roles).toEqual(['owner']);
    const created = await kernel.app.request(
      '/api/sales/accounts',
      json({ name: 'Initech', tier: 'standard' }, { headers: browser(jar) }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const list = await kernel.app.request('/api/sales/accounts', { headers: browser(jar) });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { name: string }[] };
    expect(items.map((a) => a.name)).toContain('Initech');

    // the sign-in is in the audit log, in the tenant's chain
    const rows = await kernel.container
      .resolve(DatabaseToken)
      .execute<{ action: string; actor: string; entity: string }>(
        `select action, actor, entity from prefiq.audit_log where tenant_id = $1 and action = 'login'`,
        [tenantId],
      );
    expect(rows).toEqual([expect.objectContaining({ action: 'login', entity: 'prefiq.session' })]);
  });

  it('answers a user of no tenant, and a suspended tenant, with tenancy’s 403', async () => {
    const identity = kernel.container.resolve(IdentityToken);
    await createUser(identity.context, { email: 'stranger@acme.example', password });
    const stranger = await signIn(kernel.app, 'stranger@acme.example');
    const elsewhere = await kernel.app.request('/api/sales/accounts', {
      headers: browser(stranger.jar, { 'X-Codexion-Tenant': tenantId }),
    });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({ code: 'NOT_A_MEMBER' });

    const tenancy = kernel.container.resolve(TenancyToken);
    const { jar } = await signIn(kernel.app, 'owner@acme.example');
    await tenancy.setTenantStatus(tenantId, 'suspended');
    try {
      const suspended = await kernel.app.request('/api/sales/accounts', { headers: browser(jar) });
      expect(suspended.status).toBe(403);
      expect(await suspended.json()).toMatchObject({ code: 'TENANT_SUSPENDED' });
    } finally {
      await tenancy.setTenantStatus(tenantId, 'active');
    }
  });

  it('documents /api/auth in the merged OpenAPI document, sharing the security schemes and adding the refresh cookie', async () => {
    const merged = (await (await kernel.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect(Object.keys(merged.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/.well-known/jwks.json',
        '/api/auth/oidc/{provider}/callback',
      ]),
    );
    const { refreshCookie, ...shared } = merged.components.securitySchemes;
    expect(Object.keys(shared).sort()).toEqual(['apiKey', 'bearer', 'session']);
    expect(shared).toEqual(billingOpenApi().components.securitySchemes);
    // only sign-out takes it, beside the session and a bearer token
    expect(refreshCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'codexion_session_refresh' });
    expect(merged.paths['/api/auth/logout']?.post?.security).toEqual([
      { session: [] },
      { refreshCookie: [] },
      { bearer: [] },
    ]);
    expect(merged.components.schemas.AuthProblem).toBeUndefined();
    expect((await kernel.app.request('/api/auth/openapi.json')).status).toBe(200);
  });
});
