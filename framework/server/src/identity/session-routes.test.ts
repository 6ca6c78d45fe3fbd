import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import { responseValidator } from '../kernel/response-validator.js';
import {
  browser,
  CookieJar,
  identityTestApp,
  json,
  password,
  signIn,
  tenantA,
  tenantB,
} from './identity-test-app.test-helper.js';
import { setUserStatus } from './user-service.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
const check = responseValidator(authOpenApi);

beforeAll(async () => {
  t = await identityTestApp({
    overrides: {
      auth: { rateLimit: { enabled: false }, lockout: { maxAttempts: 3, ipMaxAttempts: 8, lockMs: 60_000 } },
    },
  });
}, 60_000);
afterAll(() => t?.dispose());

/** A user with read access to invoices in tenant A. */
async function member(email: string) {
  const user = await t.createUser({ email });
  t.tenancy.grant(user.id, tenantA, ['billing:invoice:read', 'billing:invoice:create']);
  return user;
}

function attributes(response: Response, name: string): string {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (line === undefined) throw new Error(`no ${name} cookie`);
  return line;
}

describe('sessions', () => {
  it('sets the session, refresh and CSRF cookies with the right attributes', async () => {
    await member('cookies@example.com');
    const { jar, body, response } = await signIn(t.app, 'Cookies@Example.com');
    expect(await check('login', response)).toEqual([]);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = attributes(response, 'codexion_session');
    expect(session).toMatch(/; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(attributes(response, 'codexion_session_refresh')).toMatch(
      /; Max-Age=43200; Path=\/api\/auth; HttpOnly; Secure; SameSite=Lax$/,
    );
    const csrf = attributes(response, 'codexion_session_csrf');
    expect(csrf).toMatch(/; Max-Age=43200; Path=\/; Secure; SameSite=Lax$/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(body.csrfToken).toBe(jar.get('codexion_session_csrf'));
    expect(body).toMatchObject({
      status: 'signed_in',
      user: { email: 'cookies@example.com' },
      session: { tenantId: tenantA },
    });

    const me = await t.app.request('/api/auth/me', { headers: browser(jar) });
    expect(me.status).toBe(200);
    expect(await check('getMe', me)).toEqual([]);
    expect(await me.json()).toMatchObject({
      authMethod: 'cookie',
      tenantId: tenantA,
      roles: ['member'],
      permissions: ['billing:invoice:read', 'billing:invoice:create'],
      amr: ['pwd'],
    });
    const list = await t.app.request('/api/billing/invoices', { headers: browser(jar) });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ tenantId: tenantA });
  });

  it('answers 401 problem+json with WWW-Authenticate to an app request without credentials', async () => {
    const response = await t.app.request('/api/billing/invoices');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="codexion"');
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // a wrong session cookie is a 401 too, never anonymous
    const forged = await t.app.request('/api/billing/invoices', {
      headers: { Cookie: 'codexion_session=forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('lets no cache keep an answer to a session cookie, a bearer token or an API key, errors included', async () => {
    await member('no-store@example.com');
    const { jar } = await signIn(t.app, 'no-store@example.com');
    const token = await t.app.request(
      '/api/auth/login',
      json({ email: 'no-store@example.com', password, mode: 'token' }),
    );
    const { accessToken } = (await token.json()) as { accessToken: string };
    const created = await t.app.request(
      '/api/auth/api-keys',
      json({ name: 'cache check', scopes: ['billing:invoice:read'] }, { headers: browser(jar) }),
    );
    const { key } = (await created.json()) as { key: string };
    const answers = {
      cookie: await t.app.request('/api/billing/invoices', { headers: browser(jar) }),
      cookieMe: await t.app.request('/api/auth/me', { headers: browser(jar) }),
      bearer: await t.app.request('/api/billing/invoices', {
        headers: { Authorization: `Bearer ${accessToken}` },
      }),
      apiKey: await t.app.request('/api/billing/invoices', { headers: { 'X-API-Key': key } }),
      apiKeyForbidden: await t.app.request(
        '/api/billing/invoices',
        json({ number: 'N-1', amount: 1 }, { headers: { 'X-API-Key': key } }),
      ),
      apiKeyNotFound: await t.app.request('/api/billing/invoices/nope', { headers: { 'X-API-Key': key } }),
      unauthenticated: await t.app.request('/api/billing/invoices', {
        headers: { Authorization: 'Bearer not-a-token' },
      }),
    };
    expect(answers.apiKeyForbidden.status).toBe(403);
    expect(answers.unauthenticated.status).toBe(401);
    for (const [name, response] of Object.entries(answers)) {
      expect(response.headers.get('cache-control'), name).toBe('no-store');
    }
  });

  it('refuses a cookie-authenticated write without the CSRF token, with a wrong one, or from another origin (403)', async () => {
    await member('csrf@example.com');
    const { jar } = await signIn(t.app, 'csrf@example.com');
    const body = JSON.stringify({ number: 'INV-1', amount: 10 });
    const post = (headers: Record<string, string>) =>
      t.app.request('/api/billing/invoices', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      });
    const { 'X-CSRF-Token': _token, ...withoutToken } = browser(jar);
    const missing = await post(withoutToken);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ code: 'CSRF_FAILED' });
    const wrong = await post({ ...browser(jar), 'X-CSRF-Token': 'not-the-token' });
    expect(wrong.status).toBe(403);
    const otherSite = await post({ ...browser(jar), Origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    expect(await otherSite.json()).toMatchObject({ code: 'CSRF_FAILED' });
    // the cookie's value alone is not enough: it must be this session's token
    const other = await signIn(t.app, 'csrf@example.com');
    const planted = new CookieJar();
    planted.set('codexion_session', jar.get('codexion_session') ?? '');
    planted.set('codexion_session_csrf', other.jar.get('codexion_session_csrf') ?? '');
    expect((await post(browser(planted))).status).toBe(403);
    const ok = await post({ ...browser(jar), Origin: 'http://localhost' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ operationId: 'createInvoice', tenantId: tenantA });
    // reads need no token
    expect((await t.app.request('/api/billing/invoices', { headers: withoutToken })).status).toBe(200);
  });

  it('rotates the refresh token; a reused one ends the whole session', async () => {
    await member('rotate@example.com');
    const { jar } = await signIn(t.app, 'rotate@example.com');
    const oldAccess = jar.get('codexion_session');
    const oldRefresh = jar.get('codexion_session_refresh');
    const refreshed = await t.app.request('/api/auth/refresh', { method: 'POST', headers: browser(jar) });
    expect(refreshed.status).toBe(200);
    expect(await check('refresh', refreshed)).toEqual([]);
    jar.take(refreshed);
    expect(jar.get('codexion_session')).not.toBe(oldAccess);
    expect(jar.get('codexion_session_refresh')).not.toBe(oldRefresh);
    expect((await t.app.request('/api/auth/me', { headers: browser(jar) })).status).toBe(200);
    const stale = new CookieJar();
    stale.set('codexion_session', oldAccess ?? '');
    expect((await t.app.request('/api/auth/me', { headers: browser(stale) })).status).toBe(401);

    // the old refresh token again: a thief (or a confused client) — the family goes
    const thief = new CookieJar();
    thief.set('codexion_session_refresh', oldRefresh ?? '');
    thief.set('codexion_session_csrf', jar.get('codexion_session_csrf') ?? '');
    const reused = await t.app.request('/api/auth/refresh', { method: 'POST', headers: browser(thief) });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: expect.stringMatching(/used before/),
    });
    expect(t.events.some((e) => e.action === 'auth.refresh_reuse')).toBe(true);
    // the legitimate holder's newer cookies are dead too
    expect((await t.app.request('/api/auth/me', { headers: browser(jar) })).status).toBe(401);
    const again = await t.app.request('/api/auth/refresh', { method: 'POST', headers: browser(jar) });
    expect(again.status).toBe(401);
  });

  it('needs the CSRF token to refresh with the cookie', async () => {
    await member('refresh-csrf@example.com');
    const { jar } = await signIn(t.app, 'refresh-csrf@example.com');
    const { 'X-CSRF-Token': _token, ...headers } = browser(jar);
    expect((await t.app.request('/api/auth/refresh', { method: 'POST', headers })).status).toBe(403);
  });

  it('logs out one session, and everywhere (cookie and bearer sessions alike)', async () => {
    await member('everywhere@example.com');
    const first = await signIn(t.app, 'everywhere@example.com');
    const second = await signIn(t.app, 'everywhere@example.com');
    const third = await signIn(t.app, 'everywhere@example.com');
    const token = await t.app.request(
      '/api/auth/login',
      json({ email: 'everywhere@example.com', password, mode: 'token' }),
    );
    const { accessToken, refreshToken } = (await token.json()) as {
      accessToken: string;
      refreshToken: string;
    };
    const bearer = { Authorization: `Bearer ${accessToken}` };
    expect((await t.app.request('/api/billing/invoices', { headers: bearer })).status).toBe(200);

    const sessions = await t.app.request('/api/auth/sessions', { headers: browser(first.jar) });
    expect(await check('listSessions', sessions)).toEqual([]);
    const { items } = (await sessions.json()) as { items: { id: string; current: boolean }[] };
    expect(items).toHaveLength(4);
    expect(items.filter((s) => s.current)).toHaveLength(1);

    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: browser(third.jar) });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await t.app.request('/api/auth/me', { headers: browser(third.jar) })).status).toBe(401);
    expect((await t.app.request('/api/auth/me', { headers: browser(first.jar) })).status).toBe(200);

    const all = await t.app.request('/api/auth/logout-all', { method: 'POST', headers: browser(first.jar) });
    expect(all.status).toBe(204);
    for (const jar of [first.jar, second.jar]) {
      expect((await t.app.request('/api/auth/me', { headers: browser(jar) })).status).toBe(401);
    }
    const revokedBearer = await t.app.request('/api/billing/invoices', { headers: bearer });
    expect(revokedBearer.status).toBe(401);
    expect(revokedBearer.headers.get('www-authenticate')).toContain('Bearer');
    const refresh = await t.app.request('/api/auth/refresh', json({ refreshToken }));
    expect(refresh.status).toBe(401);
    expect(t.events.filter((e) => e.action === 'auth.logout_all')).toHaveLength(1);
  });

  it('answers a logout with no live session to end 401, clearing what a browser still holds of a dead one', async () => {
    const nothing = await t.app.request('/api/auth/logout', { method: 'POST' });
    expect(nothing.status).toBe(401);
    expect(nothing.headers.get('content-type')).toBe('application/problem+json');
    expect(nothing.headers.get('www-authenticate')).toBe('Bearer realm="codexion"');
    expect(await check('logout', nothing)).toEqual([]);
    expect(await nothing.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(nothing.headers.getSetCookie()).toEqual([]);

    await member('stale-logout@example.com');
    const { jar } = await signIn(t.app, 'stale-logout@example.com');
    const ended = await t.app.request('/api/auth/logout', { method: 'POST', headers: browser(jar) });
    expect(ended.status).toBe(204);
    const before = t.events.filter((e) => e.action === 'auth.logout').length;
    // the same cookies again (another tab): the session is gone, the cookies go too
    const stale = await t.app.request('/api/auth/logout', { method: 'POST', headers: browser(jar) });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const cleared = stale.headers.getSetCookie();
    expect(cleared.map((c) => c.split('=')[0])).toEqual([
      'codexion_session',
      'codexion_session_refresh',
      'codexion_session_csrf',
    ]);
    expect(cleared.every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect(t.events.filter((e) => e.action === 'auth.logout')).toHaveLength(before);

    const token = await t.app.request(
      '/api/auth/login',
      json({ email: 'stale-logout@example.com', password, mode: 'token' }),
    );
    const { accessToken } = (await token.json()) as { accessToken: string };
    const bearer = { Authorization: `Bearer ${accessToken}` };
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: bearer })).status).toBe(204);
    const deadBearer = await t.app.request('/api/auth/logout', { method: 'POST', headers: bearer });
    expect(deadBearer.status).toBe(401);
    expect(deadBearer.headers.getSetCookie()).toEqual([]);
  });

  it('still ends a live session whose session cookie expired, through its refresh cookie', async () => {
    await member('expired-cookie@example.com');
    const { jar } = await signIn(t.app, 'expired-cookie@example.com');
    t.clock.offsetMs = 1_801_000;
    try {
      expect((await t.app.request('/api/auth/me', { headers: browser(jar) })).status).toBe(401);
      const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: browser(jar) });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    } finally {
      t.clock.offsetMs = 0;
    }
    const refresh = await t.app.request('/api/auth/refresh', { method: 'POST', headers: browser(jar) });
    expect(refresh.status).toBe(401);
  });

  it('refreshes in token mode, switches tenants and revokes a session by id', async () => {
    const user = await member('token@example.com');
    t.tenancy.grant(user.id, tenantB, ['billing:invoice:read'], ['viewer']);
    const login = await t.app.request(
      '/api/auth/login',
      json({ email: 'token@example.com', password, mode: 'token', tenantId: tenantA }),
    );
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()).toEqual([]);
    const first = (await login.json()) as {
      accessToken: string;
      refreshToken: string;
      session: { id: string };
    };
    const refreshed = await t.app.request('/api/auth/refresh', json({ refreshToken: first.refreshToken }));
    expect(await check('refresh', refreshed)).toEqual([]);
    const second = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const bearer = { Authorization: `Bearer ${second.accessToken}` };

    const switched = await t.app.request(
      '/api/auth/switch-tenant',
      json({ tenantId: tenantB }, { headers: bearer }),
    );
    expect(switched.status).toBe(200);
    expect(await check('switchTenant', switched)).toEqual([]);
    const moved = (await switched.json()) as { accessToken: string; roles: string[] };
    expect(moved.roles).toEqual(['viewer']);
    const inB = await t.app.request('/api/billing/invoices', {
      headers: { Authorization: `Bearer ${moved.accessToken}` },
    });
    expect(await inB.json()).toMatchObject({ tenantId: tenantB });
    // a viewer in B cannot create there, whatever the token says
    const create = await t.app.request(
      '/api/billing/invoices',
      json({ number: 'X', amount: 1 }, { headers: { Authorization: `Bearer ${moved.accessToken}` } }),
    );
    expect(create.status).toBe(403);
    const notMine = await t.app.request(
      '/api/auth/switch-tenant',
      json({ tenantId: '0c0c0c0c-0000-4000-8000-00000000000c' }, { headers: bearer }),
    );
    expect(notMine.status).toBe(403);

    const revoke = await t.app.request(`/api/auth/sessions/${first.session.id}`, {
      method: 'DELETE',
      headers: bearer,
    });
    expect(revoke.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: bearer })).status).toBe(401);
    const unknown = await signIn(t.app, 'token@example.com');
    const missing = await t.app.request(`/api/auth/sessions/${first.session.id}`, {
      method: 'DELETE',
      headers: browser(unknown.jar),
    });
    expect(missing.status).toBe(404);
  });

  it('refuses a disabled user (401), at sign-in and on a live session', async () => {
    const user = await member('disabled@example.com');
    const { jar } = await signIn(t.app, 'disabled@example.com');
    await setUserStatus(t.identity.context, user.id, 'disabled');
    expect((await t.app.request('/api/billing/invoices', { headers: browser(jar) })).status).toBe(401);
    const login = await t.app.request('/api/auth/login', json({ email: 'disabled@example.com', password }));
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('locks an account after 3 failures: 429 with Retry-After, even for the right password, until lockMs passes', async () => {
    await member('locked@example.com');
    const wrong = () =>
      t.app.request(
        '/api/auth/login',
        json({ email: 'locked@example.com', password: 'wrong password!!' }, { ip: '203.0.113.9' }),
      );
    for (let i = 0; i < 3; i += 1) {
      const response = await wrong();
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    const locked = await t.app.request(
      '/api/auth/login',
      json({ email: 'locked@example.com', password }, { ip: '203.0.113.10' }),
    );
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfter });
    expect(t.events.some((e) => e.action === 'auth.lockout')).toBe(true);
    // an unknown account locks the same way: the lockout tells nothing about who exists
    for (let i = 0; i < 3; i += 1) {
      await t.app.request(
        '/api/auth/login',
        json({ email: 'nobody@example.com', password: 'wrong password!!' }, { ip: '203.0.113.11' }),
      );
    }
    expect(
      (
        await t.app.request(
          '/api/auth/login',
          json({ email: 'nobody@example.com', password }, { ip: '203.0.113.11' }),
        )
      ).status,
    ).toBe(429);

    t.clock.offsetMs = 61_000;
    try {
      const after = await t.app.request(
        '/api/auth/login',
        json({ email: 'locked@example.com', password }, { ip: '203.0.113.12' }),
      );
      expect(after.status).toBe(200);
    } finally {
      t.clock.offsetMs = 0;
    }
  });

  it('locks a client address after ipMaxAttempts failures across accounts', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 8; i += 1) {
      const response = await t.app.request(
        '/api/auth/login',
        json({ email: `spray${i}@example.com`, password: 'wrong password!!' }, { ip }),
      );
      expect(response.status).toBe(401);
    }
    await member('sprayed@example.com');
    const blocked = await t.app.request(
      '/api/auth/login',
      json({ email: 'sprayed@example.com', password }, { ip }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).not.toBeNull();
    const elsewhere = await t.app.request(
      '/api/auth/login',
      json({ email: 'sprayed@example.com', password }, { ip: '203.0.113.78' }),
    );
    expect(elsewhere.status).toBe(200);
  });

  it('takes longer for no account than it saves: an unknown email still costs a hash', async () => {
    const response = await t.app.request(
      '/api/auth/login',
      json({ email: 'ghost@example.com', password }, { ip: '203.0.113.90' }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      detail: 'The email, password or code is not right',
    });
  });
});
