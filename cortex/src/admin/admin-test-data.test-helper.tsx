import '@codexion/web/testing/setup-dom';
import type { Member, Role, Tenant } from '@codexion/contracts/tenancy/types';
import { createStandaloneApp, defineEntities } from '@codexion/web';
import { createFakeApi, type FakeRoute, readFetchInput } from '@codexion/web/testing';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Outlet } from 'react-router';
import { vi } from 'vitest';
import { SessionContext, type SessionValue } from '../shell/session-context.js';
import adminModule from './admin-module.js';

/** Named ids, so tests can say whom they mean. */
export const ids = {
  tenant: '10000000-0000-4000-8000-000000000001',
  otherTenant: '10000000-0000-4000-8000-000000000002',
  ada: '20000000-0000-4000-8000-000000000001',
  grace: '20000000-0000-4000-8000-000000000002',
  invitation: '30000000-0000-4000-8000-000000000001',
};

/** The signed-in owner of "Acme", who belongs to "Globex" too. */
export function testSession(overrides: Partial<SessionValue> = {}): SessionValue {
  const tenant = { id: ids.tenant, name: 'Acme', status: 'active', roles: ['owner'] };
  return {
    user: { id: ids.ada, email: 'ada@acme.test', name: 'Ada Lovelace' },
    tenant,
    tenants: [tenant, { id: ids.otherTenant, name: 'Globex', status: 'active', roles: ['member'] }],
    roles: ['owner'],
    permissions: ['*'],
    apps: [],
    settings: { locale: 'en-US', timeZone: 'UTC', currency: 'EUR', theme: {} },
    refresh: vi.fn(async () => undefined),
    switchTenant: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    ...overrides,
  };
}

/** The session's tenant as `tenancy/tenant` answers it. */
export function acmeTenant(): Tenant {
  return {
    id: ids.tenant,
    name: 'Acme',
    slug: 'acme',
    status: 'active',
    createdAt: '2025-01-01T08:00:00Z',
    updatedAt: '2025-01-01T08:00:00Z',
  };
}

/** Ada (owner, the session's user) and Grace (member) of Acme. */
export function members(): Member[] {
  return [
    {
      userId: ids.ada,
      email: 'ada@acme.test',
      name: 'Ada Lovelace',
      role: 'owner',
      since: '2025-01-02T09:00:00Z',
    },
    {
      userId: ids.grace,
      email: 'grace@acme.test',
      name: 'Grace Hopper',
      role: 'member',
      since: '2025-02-03T10:30:00Z',
    },
  ];
}

/** The four built-in roles over a small catalogue, and one custom role. */
export function roles(): Role[] {
  const role = (key: string, name: string, permissions: string[], builtIn = true, count = 0): Role => ({
    key,
    name,
    description: null,
    builtIn,
    permissions,
    members: count,
  });
  return [
    role('owner', 'Owner', ['*'], true, 1),
    role('admin', 'Admin', ['crm:deal:read', 'crm:deal:create', 'crm:deal:win', 'prefiq:member:read']),
    role('member', 'Member', ['crm:deal:read', 'crm:deal:create'], true, 1),
    role('viewer', 'Viewer', ['crm:deal:read']),
    role('sales-rep', 'Sales rep', ['crm:deal:read'], false),
  ];
}

/** A GET answering `{ items }`. */
export function listRoute(path: string, items: () => unknown[]): FakeRoute {
  return { method: 'GET', path, handle: () => ({ body: { items: items() } }) };
}

/** The message a control points at through aria-describedby: its field's error, its description. */
export function errorOf(control: HTMLElement): string {
  const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** A route of the fake server answering a problem+json 422 naming one field. */
export function invalid(path: string, message: string): { status: number; body: unknown } {
  return {
    status: 422,
    body: {
      title: 'Unprocessable Content',
      code: 'VALIDATION_FAILED',
      detail: 'The request body has invalid fields',
      errors: [{ path, code: 'invalid', message }],
    },
  };
}

export interface RenderAdminOptions {
  /** the page, relative to the module: `/users`, `/audit/crm.deal/42` */
  path: string;
  /** what the fake server answers, paths under `/api`: `/tenancy/members` */
  routes?: FakeRoute[];
  /** the session's permissions (`*` by default) */
  permissions?: string[];
  session?: Partial<SessionValue>;
  locale?: string;
}

/** The fake server's first segment after `/api` is the app's; the admin pages call several APIs. */
const appSegment = '/api/_';

/**
 * The admin module on an in-memory server, the way the shell mounts it (an `/api` root, the
 * session above it), opened at `path`. `sent(method, path)` lists the bodies the pages sent.
 *
 * @example
 * const { sent, session } = renderAdmin({ path: '/users', routes: [members] });
 */
export function renderAdmin({
  path,
  routes = [],
  permissions = ['*'],
  session,
  locale = 'en-US',
}: RenderAdminOptions) {
  const value = testSession({ permissions, ...session });
  const api = createFakeApi({ catalog: defineEntities({ app: 'admin', schemas: [] }), routes });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const { url, method, headers, text } = await readFetchInput(input, init);
    const path = (url.pathname + url.search).replace(/^\/api\//, `${appSegment}/`);
    return api.fetch(path, { method, headers, ...(text ? { body: text } : {}) });
  };
  const withSession = {
    ...adminModule,
    routes: [
      {
        element: (
          <SessionContext.Provider value={value}>
            <Outlet />
          </SessionContext.Provider>
        ),
        children: adminModule.routes,
      },
    ],
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const app = createStandaloneApp(withSession, {
    apiBaseUrl: '/api',
    fetch,
    // the admin pages under test, without Cortex's sign-in: the session is given above
    signIn: false,
    permissions,
    locale,
    timeZone: 'UTC',
    currency: 'EUR',
    initialPath: path,
    queryClient,
  });
  const requests = () =>
    api.requests.map((request) => ({ ...request, url: request.url.replace(appSegment, '/api') }));
  /** the bodies of the requests sent with `method` to `path` (`/api/tenancy/members/…`) */
  const sent = (method: string, url: string) =>
    requests()
      .filter((request) => request.method === method && request.url.split('?')[0] === url)
      .map((request) => request.body);
  return { ...render(app.element), api, requests, sent, session: value, router: app.router, queryClient };
}
