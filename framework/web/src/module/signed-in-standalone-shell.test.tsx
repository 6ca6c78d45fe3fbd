import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDocumentCookies, setDocumentCookie } from '../testing/document-cookies.js';
import { createFakeApi, fakeId } from '../testing/fake-api.js';
import { readFetchInput } from '../testing/read-fetch-input.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import { salesModule } from '../testing/sales-module.js';
import { seedSales } from '../testing/seed-sales.js';
import { createStandaloneApp } from './create-standalone-app.js';

type Json = Record<string, unknown>;

const user = { id: fakeId(1), email: 'owner@acme.example', name: 'Olivia Owner' };
const acme = fakeId(11);

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const problem = (status: number, code: string) =>
  reply(status, { type: 'about:blank', title: code, status, code, detail: code, errors: [] });

interface FakeServerOptions {
  /** the account has two-factor authentication with this code */
  mfaCode?: string;
  /** the user's tenants; the session starts in the first */
  tenants?: { id: string; name: string }[];
}

/**
 * The standalone sales app's server in memory: `/api/auth/*` and `/api/tenancy/memberships` as
 * the framework answers them, the sales API behind the session (401 without it). Every request is
 * logged with its headers.
 */
function createFakeServer({
  mfaCode,
  tenants = [{ id: acme, name: 'Acme (demo)' }],
}: FakeServerOptions = {}) {
  const state: { signedIn: boolean; tenantId: string | null } = {
    signedIn: false,
    tenantId: tenants[0]?.id ?? null,
  };
  const sales = createFakeApi({ catalog: salesCatalog(), records: seedSales() });
  const requests: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const signedIn = () => {
    state.signedIn = true;
    // the server's Set-Cookie of the readable CSRF cookie
    setDocumentCookie('codexion_session_csrf', 'csrf-1');
    return reply(200, { status: 'signed_in', user });
  };

  const fetchImpl: typeof fetch = async (input, init) => {
    const { url, method, headers, text } = await readFetchInput(input, init);
    const body = text ? (JSON.parse(text) as Json) : undefined;
    requests.push({ method, path: url.pathname + url.search, body, headers });
    const path = url.pathname;
    if (path === '/api/auth/providers') return reply(200, { password: true, providers: [] });
    if (path === '/api/auth/login' && method === 'POST') {
      if (body?.email !== user.email || body.password !== 'abcd-efgh-jkmn-pqrs')
        return problem(401, 'INVALID_CREDENTIALS');
      if (mfaCode)
        return reply(200, { status: 'mfa_required', challengeToken: 'challenge-1', methods: ['totp'] });
      return signedIn();
    }
    if (path === '/api/auth/mfa/verify' && method === 'POST') {
      return body?.code === mfaCode ? signedIn() : problem(401, 'INVALID_CREDENTIALS');
    }
    if (!state.signedIn) return problem(401, 'UNAUTHENTICATED');
    if (path === '/api/auth/me') {
      return reply(200, {
        user,
        tenantId: state.tenantId,
        roles: state.tenantId ? ['owner'] : [],
        permissions: state.tenantId ? ['sales:*'] : [],
      });
    }
    if (path === '/api/auth/logout' && method === 'POST') {
      state.signedIn = false;
      return reply(204);
    }
    if (path === '/api/auth/switch-tenant' && method === 'POST') {
      state.tenantId = String(body?.tenantId);
      return reply(200, { tenantId: state.tenantId, roles: ['owner'], permissions: ['sales:*'] });
    }
    if (path === '/api/tenancy/memberships') {
      return reply(200, {
        items: tenants.map((tenant) => ({
          tenantId: tenant.id,
          tenantName: tenant.name,
          tenantStatus: 'active',
          role: 'owner',
        })),
      });
    }
    if (path.startsWith('/api/sales/'))
      return sales.fetch(url.pathname + url.search, { method, headers, ...(text ? { body: text } : {}) });
    return problem(404, 'NOT_FOUND');
  };
  return { fetch: fetchImpl, requests, state };
}

function renderStandalone(
  path: string,
  options: FakeServerOptions & { signedIn?: boolean; inNoTenant?: boolean } = {},
) {
  const server = createFakeServer(options);
  if (options.signedIn) {
    // a session from an earlier visit: its cookies are there
    server.state.signedIn = true;
    setDocumentCookie('codexion_session_csrf', 'csrf-1');
  }
  if (options.inNoTenant) server.state.tenantId = null;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const app = createStandaloneApp(salesModule(salesCatalog()), {
    apiBaseUrl: '/api/sales',
    fetch: server.fetch,
    locale: 'en-US',
    timeZone: 'UTC',
    currency: 'EUR',
    initialPath: path,
    queryClient,
  });
  return { ...render(app.element), server, router: app.router };
}

const typist = () => userEvent.setup({ delay: null });

async function fillSignIn(email: string, password: string) {
  const u = typist();
  await u.type(await screen.findByLabelText(/Email/), email);
  await u.type(screen.getByLabelText(/Password/), password);
  await u.click(screen.getByRole('button', { name: 'Sign in' }));
  return u;
}

afterEach(clearDocumentCookies);

describe('the standalone app signs in like the console', () => {
  it('sends a visitor to its sign-in page, then to where they were going, in the session’s tenant', async () => {
    const { router, server } = renderStandalone('/accounts?sort=name');
    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?returnTo=${encodeURIComponent('/accounts?sort=name')}`);
    // the app's name and mark above the form, and in the document's title
    expect(screen.getByText('Sales', { selector: 'main > p' })).toBeTruthy();
    expect(document.title).toBe('Sign in · Sales');
    // nothing of the app's data was asked for before signing in
    expect(server.requests.some((request) => request.path.startsWith('/api/sales/'))).toBe(false);

    await fillSignIn('owner@acme.example', 'abcd-efgh-jkmn-pqrs');
    await waitFor(() => expect(router.state.location.pathname).toBe('/accounts'));
    expect(await screen.findByRole('heading', { name: 'Accounts', level: 1 })).toBeTruthy();
    expect(server.requests.find((request) => request.path === '/api/auth/login')?.body).toEqual({
      email: 'owner@acme.example',
      password: 'abcd-efgh-jkmn-pqrs',
    });
    const reads = server.requests.filter((request) => request.path.startsWith('/api/sales/'));
    expect(reads.length).toBeGreaterThan(0);
    // the session decides the tenant: no header names one
    for (const read of reads) expect(read.headers.has('x-codexion-tenant')).toBe(false);
  });

  it('says a wrong password inline and keeps the visitor on the sign-in page', async () => {
    const { router } = renderStandalone('/accounts');
    await fillSignIn('owner@acme.example', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is not right.');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('asks for the second step when the account has two-factor authentication', async () => {
    const { router, server } = renderStandalone('/opportunities', { mfaCode: '123456' });
    const u = await fillSignIn('owner@acme.example', 'abcd-efgh-jkmn-pqrs');
    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    await u.type(screen.getByLabelText(/Verification code/), '123456');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/opportunities'));
    expect(server.requests.find((request) => request.path === '/api/auth/mfa/verify')?.body).toEqual({
      challengeToken: 'challenge-1',
      code: '123456',
    });
  });

  it('names the user in the account menu and signs out from it, back to the sign-in page', async () => {
    const { router, server } = renderStandalone('/accounts', { signedIn: true });
    const u = typist();
    await u.click(await screen.findByRole('button', { name: 'Account menu of Olivia Owner' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('owner@acme.example')).toBeTruthy();
    expect(within(menu).getByText('Owner')).toBeTruthy();
    await u.click(within(menu).getByRole('menuitem', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const logout = server.requests.find((request) => request.path === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(server.state.signedIn).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  });

  it('offers the tenants to a user acting in none', async () => {
    const { server } = renderStandalone('/accounts', { signedIn: true, inNoTenant: true });
    expect(await screen.findByRole('heading', { name: 'No tenant yet' })).toBeTruthy();
    const u = typist();
    await u.click(await screen.findByRole('button', { name: 'Acme (demo)' }));
    expect(await screen.findByRole('heading', { name: 'Accounts', level: 1 })).toBeTruthy();
    expect(server.requests.find((request) => request.path === '/api/auth/switch-tenant')?.body).toEqual({
      tenantId: acme,
    });
  });
});
