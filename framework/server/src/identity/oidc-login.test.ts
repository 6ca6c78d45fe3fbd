import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, identityTestApp, tenantA } from './identity-test-app.test-helper.js';

/**
 * Single sign-on end to end: a real OpenID provider (oidc-provider, its development login and
 * consent pages) on an ephemeral port, driven with fetch like a browser would, against the
 * relying party (openid-client) behind /api/auth/oidc.
 */
const redirectUri = 'http://localhost:4000/api/auth/oidc/test/callback';
/** a second provider entry for the same issuer, that may create users */
const openRedirectUri = 'http://localhost:4000/api/auth/oidc/open/callback';
const accounts: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@example.com', email_verified: true, name: 'Alice IdP' },
  mallory: { email: 'victim@example.com', email_verified: false, name: 'Mallory' },
  newcomer: { email: 'newcomer@example.com', email_verified: true, name: 'New Comer' },
};

let server: Server;
let issuer: string;
let t: Awaited<ReturnType<typeof identityTestApp>>;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'codexion-test',
        client_secret: 'a-test-client-secret-of-some-length',
        redirect_uris: [redirectUri, openRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: async (_ctx, id) => {
      const claims = accounts[id];
      return claims === undefined
        ? undefined
        : { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['a-test-cookie-signing-key'] },
  });
  server.on('request', provider.callback());
  t = await identityTestApp({
    overrides: {
      auth: {
        rateLimit: { enabled: false },
        oidc: {
          providers: {
            test: {
              issuer,
              clientId: 'codexion-test',
              clientSecret: 'a-test-client-secret-of-some-length',
              redirectUri,
              scopes: ['openid', 'email', 'profile'],
              createUsers: false,
            },
            open: {
              issuer,
              clientId: 'codexion-test',
              clientSecret: 'a-test-client-secret-of-some-length',
              redirectUri: openRedirectUri,
              scopes: ['openid', 'email', 'profile'],
              createUsers: true,
            },
          },
        },
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.dispose();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

function unescapeHtml(html: string): string {
  return html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x2F;/g, '/')
    .replace(/&#39;/g, "'");
}

/**
 * A browser at the provider: follows redirects, fills the login form (any password: the
 * development login takes the account id) and confirms consent, until the provider sends the
 * browser back to the relying party; returns that URL.
 */
async function atProvider(start: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(start);
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), Cookie: jar.header() },
    });
    jar.take(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      url = new URL(location, url);
      if (url.href.startsWith(redirectUri) || url.href.startsWith(openRedirectUri)) return url;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (action === undefined) throw new Error(`no form at ${url.href}: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [, name = '', value = ''] of html.matchAll(
      /<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
    )) {
      fields.set(name, unescapeHtml(value));
    }
    if (/name="login"/.test(html)) {
      fields.set('login', login);
      fields.set('password', 'the development login takes any');
    }
    url = new URL(unescapeHtml(action), url);
    init = {
      method: 'POST',
      body: fields.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('the provider never sent the browser back');
}

/** Start at the relying party, log in at the provider, come back: the callback's response and the app's cookies. */
async function signOn(login: string, returnTo = '/crm/deals', provider = 'test') {
  const app = new CookieJar();
  const start = await t.app.request(
    `/api/auth/oidc/${provider}/start?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(start.status).toBe(302);
  app.take(start);
  const location = start.headers.get('location') ?? '';
  const authorize = new URL(location);
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBe(app.get('codexion_session_oidc'));
  expect(authorize.searchParams.get('nonce')).toMatch(/.{20,}/);
  const back = await atProvider(location, login);
  expect(back.searchParams.get('code')).not.toBeNull();
  const callback = await t.app.request(`${back.pathname}${back.search}`, {
    headers: { Cookie: app.header() },
  });
  app.take(callback);
  return { callback, app, back };
}

describe('OpenID Connect single sign-on', () => {
  it('signs in end to end: start → provider login and consent → callback → session cookie → /me', async () => {
    const alice = await t.createUser({ email: 'alice@example.com', name: 'Alice' });
    t.tenancy.grant(alice.id, tenantA, ['billing:invoice:read']);
    const { callback, app, back } = await signOn('alice');
    expect(callback.status, await callback.clone().text()).toBe(302);
    expect(callback.headers.get('location')).toBe('/crm/deals');
    expect(app.get('codexion_session')).toBeDefined();
    expect(app.get('codexion_session_oidc')).toBeUndefined();

    const me = await t.app.request('/api/auth/me', { headers: { Cookie: app.header() } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { id: alice.id, email: 'alice@example.com' },
      authMethod: 'cookie',
      amr: ['oidc'],
      tenantId: tenantA,
    });
    const [link] = await t.database.execute<{ issuer: string; subject: string; user_id: string }>(
      'select issuer, subject, user_id from prefiq.oidc_identities',
    );
    expect(link).toEqual({ issuer, subject: 'alice', user_id: alice.id });

    // the same callback again: the state is used up
    const replay = await t.app.request(`${back.pathname}${back.search}`, {
      headers: { Cookie: `codexion_session_oidc=${back.searchParams.get('state')}` },
    });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('content-type')).toBe('application/problem+json');
  });

  it('finds a linked user by issuer and subject, even when the provider changes the email', async () => {
    const before = accounts.alice ?? {};
    accounts.alice = { email: 'alice.new@example.com', email_verified: true };
    try {
      const { callback, app } = await signOn('alice', '/');
      expect(callback.status).toBe(302);
      const me = (await (
        await t.app.request('/api/auth/me', { headers: { Cookie: app.header() } })
      ).json()) as {
        user: { email: string };
      };
      expect(me.user.email).toBe('alice@example.com');
    } finally {
      accounts.alice = before;
    }
  });

  it('does not link by an unverified email, nor create users unless allowed', async () => {
    await t.createUser({ email: 'victim@example.com' });
    const unverified = await signOn('mallory');
    expect(unverified.callback.status).toBe(403);
    expect(await unverified.callback.json()).toMatchObject({ code: 'FORBIDDEN' });
    const unknown = await signOn('newcomer');
    expect(unknown.callback.status).toBe(403);
    const links = await t.database.execute('select 1 from prefiq.oidc_identities where subject in ($1, $2)', [
      'mallory',
      'newcomer',
    ]);
    expect(links).toHaveLength(0);
  });

  it('creates the user on first sign-in where the provider may (verified email only)', async () => {
    const { callback, app } = await signOn('newcomer', '/', 'open');
    expect(callback.status).toBe(302);
    const me = await t.app.request('/api/auth/me', { headers: { Cookie: app.header() } });
    expect(await me.json()).toMatchObject({
      user: { email: 'newcomer@example.com', name: 'New Comer', status: 'active', emailVerified: true },
      tenantId: null,
      permissions: [],
    });
    expect((await signOn('mallory', '/', 'open')).callback.status).toBe(403);
  });

  it('refuses a callback the browser did not start (state cookie missing or different)', async () => {
    const start = await t.app.request('/api/auth/oidc/test/start');
    const location = start.headers.get('location') ?? '';
    const back = await atProvider(location, 'alice');
    const missing = await t.app.request(`${back.pathname}${back.search}`);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ code: 'CSRF_FAILED' });
    const other = await t.app.request(`${back.pathname}${back.search}`, {
      headers: { Cookie: 'codexion_session_oidc=someone-elses-state' },
    });
    expect(other.status).toBe(403);
  });

  it('validates start: unknown provider 404, a returnTo off this site 400', async () => {
    expect((await t.app.request('/api/auth/oidc/nope/start')).status).toBe(404);
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await t.app.request(
        `/api/auth/oidc/test/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: '/query/returnTo' }] });
    }
  });
});
