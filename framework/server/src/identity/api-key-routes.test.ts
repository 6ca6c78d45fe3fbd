import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import { responseValidator } from '../kernel/response-validator.js';
import { browser, identityTestApp, json, signIn, tenantA, tenantB } from './identity-test-app.test-helper.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
const check = responseValidator(authOpenApi);

/** the cap of these tests: small, so filling it is quick */
const maxPerUser = 4;

beforeAll(async () => {
  t = await identityTestApp({
    overrides: { auth: { rateLimit: { enabled: false }, apiKeys: { maxPerUser } } },
  });
}, 60_000);

/** A signed-in user of tenant A who may read invoices. */
async function keyHolder(email: string) {
  const user = await t.createUser({ email });
  t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
  t.tenancy.grant(user.id, tenantB, ['billing:invoice:read']);
  return { user, jar: (await signIn(t.app, email)).jar };
}

const newKey = (name: string, jar: Parameters<typeof browser>[0], extra: Record<string, string> = {}) =>
  t.app.request(
    '/api/auth/api-keys',
    json({ name, scopes: ['billing:invoice:read'] }, { headers: browser(jar, extra) }),
  );
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

  it('caps the live keys a user holds in a tenant: 409 API_KEY_LIMIT, nothing stored, room again after a revocation', async () => {
    const { user, jar } = await keyHolder('many-keys@example.com');
    const ids: string[] = [];
    for (let i = 0; i < maxPerUser; i += 1) {
      const created = await newKey(`key ${i}`, jar);
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    const count = async () =>
      (
        await t.database.execute<{ n: number }>(
          `select count(*)::int as n from prefiq.api_keys where user_id = '${user.id}'`,
        )
      )[0]?.n;
    const before = await count();
    const refused = await newKey('one too many', jar);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await check('createApiKey', refused)).toEqual([]);
    expect(await refused.json()).toMatchObject({ code: 'API_KEY_LIMIT', status: 409, limit: maxPerUser });
    expect(await count()).toBe(before);

    // per tenant: the other tenant has room
    const switched = await t.app.request(
      '/api/auth/switch-tenant',
      json({ tenantId: tenantB }, { headers: browser(jar) }),
    );
    expect(switched.status).toBe(200);
    expect((await newKey('in B', jar)).status).toBe(201);
    await t.app.request('/api/auth/switch-tenant', json({ tenantId: tenantA }, { headers: browser(jar) }));

    const revoked = await t.app.request(`/api/auth/api-keys/${ids[0]}`, {
      method: 'DELETE',
      headers: browser(jar),
    });
    expect(revoked.status).toBe(204);
    expect((await newKey('replacement', jar)).status).toBe(201);
    expect((await newKey('again too many', jar)).status).toBe(409);
  });

  it('holds the cap against concurrent creates', async () => {
    const { user, jar } = await keyHolder('racing-keys@example.com');
    const answers = await Promise.all(
      Array.from({ length: maxPerUser + 3 }, (_, i) => newKey(`race ${i}`, jar)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(maxPerUser);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
    const [row] = await t.database.execute<{ n: number }>(
      `select count(*)::int as n from prefiq.api_keys where user_id = '${user.id}' and revoked_at is null`,
    );
    expect(row?.n).toBe(maxPerUser);
  });

  it('lists the keys newest first, a page at a time, revoked ones included', async () => {
    const { jar } = await keyHolder('paged-keys@example.com');
    const names: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const created = await newKey(`paged ${i}`, jar);
      expect(created.status).toBe(201);
      names.push(`paged ${i}`);
      const { id } = (await created.json()) as { id: string };
      // revoked ones stay listed (and make room under the cap)
      if (i % 2 === 0)
        await t.app.request(`/api/auth/api-keys/${id}`, { method: 'DELETE', headers: browser(jar) });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
      const page = await t.app.request(`/api/auth/api-keys${query}`, { headers: browser(jar) });
      expect(page.status).toBe(200);
      expect(await check('listApiKeys', page)).toEqual([]);
      const body = (await page.json()) as { items: { name: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].reverse());

    const all = (await (await t.app.request('/api/auth/api-keys', { headers: browser(jar) })).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    expect(all.items).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
  });

  it('refuses a bad page size or cursor with problem+json naming the parameter', async () => {
    const { jar } = await keyHolder('bad-page@example.com');
    const cases: [string, number, string, string][] = [
      ['?limit=0', 400, 'INVALID_PARAMETER', '/query/limit'],
      ['?limit=101', 400, 'INVALID_PARAMETER', '/query/limit'],
      ['?limit=ten', 400, 'INVALID_PARAMETER', '/query/limit'],
      [`?cursor=${'A'.repeat(300)}`, 400, 'INVALID_PARAMETER', '/query/cursor'],
      ['?cursor=not%20base64', 400, 'INVALID_PARAMETER', '/query/cursor'],
      [`?cursor=${Buffer.from('garbage').toString('base64url')}`, 400, 'INVALID_CURSOR', '/query/cursor'],
    ];
    for (const [query, status, code, path] of cases) {
      const response = await t.app.request(`/api/auth/api-keys${query}`, { headers: browser(jar) });
      expect(response.status, query).toBe(status);
      expect(await response.json(), query).toMatchObject({
        code,
        errors: [expect.objectContaining({ path })],
      });
    }
  });
});
