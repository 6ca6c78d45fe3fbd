import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseValidator } from '../kernel/response-validator.test-helper.js';
import { authOpenApi } from './auth-openapi.js';
import { browser, identityTestApp, json, signIn, tenantA, tenantB } from './identity-test-app.test-helper.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
const check = responseValidator(authOpenApi);

beforeAll(async () => {
  t = await identityTestApp({ overrides: { auth: { rateLimit: { enabled: false } } } });
}, 60_000);
afterAll(() => t?.dispose());

const withKey = (key: string, extra: Record<string, string> = {}) => ({ 'X-API-Key': key, ...extra });

describe('API keys', () => {
  it('shows the key once, stores only its hash, enforces its scopes and stops it when revoked', async () => {
    const user = await t.createUser({ email: 'keys@example.com' });
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:read', 'billing:invoice:create']);
    const { jar } = await signIn(t.app, 'keys@example.com');

    const created = await t.app.request(
      '/api/auth/api-keys',
      json({ name: 'CI reader', scopes: ['billing:invoice:read'] }, { headers: browser(jar) }),
    );
    expect(created.status).toBe(201);
    expect(await check('createApiKey', created)).toEqual([]);
    const { key, id, prefix, tenantId } = (await created.json()) as {
      key: string;
      id: string;
      prefix: string;
      tenantId: string;
    };
    expect(key).toMatch(/^cdx_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(tenantId).toBe(tenantA);
    expect(t.events.some((e) => e.action === 'auth.api_key_created' && e.subject?.id === id)).toBe(true);

    // the plaintext is nowhere in the table: not the key, not its secret part
    const rows = await t.database.execute<{ row: string }>(
      'select row_to_json(k)::text as row from prefiq.api_keys k',
    );
    const dump = rows.map((r) => r.row).join('\n');
    expect(dump).toContain(prefix);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.slice(prefix.length + 1));
    const listed = await t.app.request('/api/auth/api-keys', { headers: browser(jar) });
    expect(await check('listApiKeys', listed)).toEqual([]);
    const listText = await listed.text();
    expect(listText).toContain(id);
    expect(listText).not.toContain(key);

    const read = await t.app.request('/api/billing/invoices', { headers: withKey(key) });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ tenantId: tenantA });
    const write = await t.app.request(
      '/api/billing/invoices',
      json({ number: 'K-1', amount: 1 }, { headers: withKey(key) }),
    );
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ code: 'FORBIDDEN', permission: 'billing:invoice:create' });
    const me = await t.app.request('/api/auth/me', { headers: withKey(key) });
    expect(await me.json()).toMatchObject({
      authMethod: 'api_key',
      tenantId: tenantA,
      permissions: ['billing:invoice:read'],
    });
    // a key is bound to its tenant, and manages no keys or sessions
    expect(
      (
        await t.app.request('/api/billing/invoices', {
          headers: withKey(key, { 'X-Codexion-Tenant': tenantB }),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.app.request(
          '/api/auth/api-keys',
          json({ name: 'x', scopes: ['billing:invoice:read'] }, { headers: withKey(key) }),
        )
      ).status,
    ).toBe(401);

    // a creator who loses a permission takes it away from their keys
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:create']);
    expect((await t.app.request('/api/billing/invoices', { headers: withKey(key) })).status).toBe(403);
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:read', 'billing:invoice:create']);

    const revoked = await t.app.request(`/api/auth/api-keys/${id}`, {
      method: 'DELETE',
      headers: browser(jar),
    });
    expect(revoked.status).toBe(204);
    expect(t.events.some((e) => e.action === 'auth.api_key_revoked' && e.subject?.id === id)).toBe(true);
    const after = await t.app.request('/api/billing/invoices', { headers: withKey(key) });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      (await t.app.request(`/api/auth/api-keys/${id}`, { method: 'DELETE', headers: browser(jar) })).status,
    ).toBe(404);
  });

  it('never grants more than the creator holds', async () => {
    const user = await t.createUser({ email: 'modest@example.com' });
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
    const { jar } = await signIn(t.app, 'modest@example.com');
    const greedy = await t.app.request(
      '/api/auth/api-keys',
      json({ name: 'greedy', scopes: ['billing:invoice:read', 'billing:*', '*'] }, { headers: browser(jar) }),
    );
    expect(greedy.status).toBe(403);
    expect(await greedy.json()).toMatchObject({
      code: 'FORBIDDEN',
      errors: [
        { path: '/body/scopes/1', code: 'exceeds_grant' },
        { path: '/body/scopes/2', code: 'exceeds_grant' },
      ],
    });
    const admin = await t.createUser({ email: 'admin-keys@example.com' });
    t.tenancy.grant(admin.id, tenantA, ['billing:*']);
    const adminJar = (await signIn(t.app, 'admin-keys@example.com')).jar;
    const wide = await t.app.request(
      '/api/auth/api-keys',
      json({ name: 'wide', scopes: ['billing:invoice:*'] }, { headers: browser(adminJar) }),
    );
    expect(wide.status).toBe(201);
  });

  it('refuses malformed, unknown and expired keys', async () => {
    const user = await t.createUser({ email: 'expiring@example.com' });
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
    const { jar } = await signIn(t.app, 'expiring@example.com');
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await t.app.request(
      '/api/auth/api-keys',
      json({ name: 'short-lived', scopes: ['billing:invoice:read'], expiresAt }, { headers: browser(jar) }),
    );
    const { key } = (await created.json()) as { key: string };
    expect((await t.app.request('/api/billing/invoices', { headers: withKey(key) })).status).toBe(200);
    t.clock.offsetMs = 3_601_000;
    try {
      expect((await t.app.request('/api/billing/invoices', { headers: withKey(key) })).status).toBe(401);
    } finally {
      t.clock.offsetMs = 0;
    }
    const forged = `${key.slice(0, -4)}AAAA`;
    for (const bad of ['', 'cdx_', 'garbage', forged, key.replace(/^cdx_[0-9a-f]{12}/, 'cdx_000000000000')]) {
      const response = await t.app.request('/api/billing/invoices', { headers: withKey(bad) });
      expect(response.status).toBe(401);
    }
    const past = await t.app.request(
      '/api/auth/api-keys',
      json(
        { name: 'past', scopes: ['billing:invoice:read'], expiresAt: '2001-01-01T00:00:00Z' },
        { headers: browser(jar) },
      ),
    );
    expect(past.status).toBe(422);
    expect(await past.json()).toMatchObject({ errors: [{ path: '/body/expiresAt' }] });
  });
});
