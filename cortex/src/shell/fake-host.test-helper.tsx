import '@codexion/web/testing/setup-dom';
import { entities as crmEntities } from '@codexion/crm/web';
import { createFakeApi, fakeId, readFetchInput } from '@codexion/web/testing';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createCortexApp } from './create-cortex-app.js';
import type { InvitationLookup } from './invitation-api.js';
import type { SessionApp, TenantSettings } from './session-context.js';

type Json = Record<string, unknown>;

/** Named ids of the fake host's data. */
export const ids = {
  user: fakeId(1),
  acme: fakeId(11),
  globex: fakeId(12),
  acmeCorp: fakeId(301),
  jane: fakeId(401),
  renewal: fakeId(501),
};

/** What Owner/Admin hold in the fake host: every administration permission and the CRM's. */
export const adminPermissions = [
  'prefiq:tenant:read',
  'prefiq:member:read',
  'prefiq:role:read',
  'prefiq:audit:read',
  'cortex:app:read',
  'cortex:app:manage',
  'cortex:display-settings:read',
  'cortex:setting:read',
  'cortex:setting:update',
  'cortex:tenant:create',
  'cortex:system:read',
  'crm:*',
];

/** A Viewer: reads the CRM, administers nothing. */
export const viewerPermissions = [
  'prefiq:tenant:read',
  'cortex:app:read',
  'cortex:display-settings:read',
  'crm:deal:read',
  'crm:company:read',
  'crm:person:read',
  'crm:activity:read',
];

export interface FakeTenant {
  id: string;
  name: string;
  role: string;
  permissions: string[];
  /** apps on for the tenant */
  enabled: string[];
  settings?: Partial<TenantSettings>;
}

export interface FakeHostOptions {
  signedIn?: boolean;
  tenants?: FakeTenant[];
  /** the tenant the session acts in */
  tenantId?: string;
  password?: string;
  /** the account has two-factor authentication: the code and a recovery code that pass */
  mfa?: { code: string; recoveryCode: string };
  /** sign-ins of this address are locked for `seconds` */
  locked?: { email: string; seconds: number };
  providers?: { id: string; name: string }[];
  /** lookups by token: an invitation, or the problem the server answers */
  invitations?: Record<string, InvitationLookup | { status: number; code: string }>;
  /** `/api/auth/me` answers this status instead (a server down) */
  meStatus?: number;
}

const user = { id: fakeId(1), email: 'ada@example.com', name: 'Ada Lovelace' };

const apps: Omit<SessionApp, 'enabled'>[] = [
  {
    name: 'crm',
    title: 'CRM',
    description: 'Companies, people, deals and the pipeline',
    version: '0.1.0',
    icon: 'handshake',
    removable: true,
    permissions: [],
  },
];

function reply(status: number, body?: unknown): Response {
  const problem = status >= 400;
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': problem ? 'application/problem+json' : 'application/json' },
  });
}

const problem = (status: number, code: string, extra: Json = {}) =>
  reply(status, { type: 'about:blank', title: code, status, code, detail: code, errors: [], ...extra });

/**
 * The Cortex host as the shell sees it, in memory: `/api/auth/*`, `/api/tenancy/memberships`,
 * `/api/cortex/*` (apps, settings, invitations) and the CRM's API (the CRM's fake resource
 * server, answering `APP_DISABLED` where the tenant has it off). Every request is logged.
 *
 * @example
 * const host = createFakeHost({ signedIn: false });
 * await host.fetch('/api/auth/me'); // 401
 */
export function createFakeHost({
  signedIn = true,
  tenants = [
    { id: ids.acme, name: 'Acme', role: 'owner', permissions: adminPermissions, enabled: ['crm'] },
    { id: ids.globex, name: 'Globex', role: 'admin', permissions: adminPermissions, enabled: [] },
  ],
  tenantId = tenants[0]?.id,
  password = 'correct horse battery',
  mfa,
  locked,
  providers = [],
  invitations = {},
  meStatus,
}: FakeHostOptions = {}) {
  const state = { signedIn, tenantId, accepted: [] as Json[] };
  const requests: { method: string; url: string; body: unknown }[] = [];
  const crm = createFakeApi({
    catalog: crmEntities,
    records: {
      companies: [{ id: ids.acmeCorp, name: 'Acme Corp', domain: 'acme.example' }],
      people: [
        {
          id: ids.jane,
          firstName: 'Jane',
          lastName: 'Doe',
          name: 'Jane Doe',
          email: 'jane@acme.example',
          companyId: ids.acmeCorp,
        },
      ],
      deals: [
        { id: ids.renewal, title: 'Acme renewal', companyId: ids.acmeCorp, currency: 'EUR', status: 'open' },
      ],
    },
  });
  const current = () => tenants.find((tenant) => tenant.id === state.tenantId);
  const can = (permission: string) =>
    current()?.permissions.some(
      (granted) => granted === permission || permission.startsWith(granted.replace('*', '')),
    ) ?? false;

  async function handle(method: string, url: URL, body: Json): Promise<Response> {
    const path = url.pathname;
    if (path === '/api/auth/providers') return reply(200, { password: true, providers });
    if (path === '/api/auth/login' && method === 'POST') {
      if (locked && body.email === locked.email)
        return problem(429, 'ACCOUNT_LOCKED', { retryAfter: locked.seconds });
      if (body.email !== user.email || body.password !== password) return problem(401, 'INVALID_CREDENTIALS');
      if (mfa)
        return reply(200, {
          status: 'mfa_required',
          challengeToken: 'challenge-1',
          expiresIn: 300,
          methods: ['totp', 'recovery_code'],
        });
      state.signedIn = true;
      if (typeof body.tenantId === 'string') state.tenantId = body.tenantId;
      return reply(200, {
        status: 'signed_in',
        user,
        session: { id: fakeId(2), expiresAt: '2030-01-01T00:00:00Z', tenantId: state.tenantId },
      });
    }
    if (path === '/api/auth/mfa/verify' && method === 'POST') {
      if (body.challengeToken !== 'challenge-1') return problem(401, 'TOKEN_INVALID');
      const right =
        body.code !== undefined ? body.code === mfa?.code : body.recoveryCode === mfa?.recoveryCode;
      if (!right) return problem(401, 'INVALID_CREDENTIALS');
      state.signedIn = true;
      return reply(200, {
        status: 'signed_in',
        user,
        session: { id: fakeId(2), expiresAt: '2030-01-01T00:00:00Z', tenantId: state.tenantId },
      });
    }
    if (path.startsWith('/api/cortex/invitations/')) {
      // both take the token in the body: a token in a URL would end up in logs and history
      if (method !== 'POST') return problem(405, 'METHOD_NOT_ALLOWED');
      const token = body.token;
      const invitation = invitations[String(token)];
      if (!invitation) return problem(404, 'INVITATION_NOT_FOUND');
      if ('status' in invitation) return problem(invitation.status, invitation.code);
      if (path.endsWith('/lookup')) return reply(200, invitation);
      if (!path.endsWith('/accept')) return problem(404, 'NOT_FOUND');
      if (typeof body.password !== 'string' || body.password.length < 10) {
        return problem(422, 'VALIDATION_FAILED', {
          errors: [{ path: '/body/password', code: 'minLength', message: 'must be at least 10 characters' }],
        });
      }
      if (invitation.existingUser && body.password !== password) return problem(401, 'INVALID_CREDENTIALS');
      state.accepted.push(body);
      invitations[String(token)] = { status: 409, code: 'INVITATION_USED' };
      return reply(204);
    }
    if (!state.signedIn) return problem(401, 'UNAUTHENTICATED');
    if (path === '/api/auth/me') {
      if (meStatus) return problem(meStatus, 'INTERNAL');
      return reply(200, {
        user,
        authMethod: 'cookie',
        sessionId: fakeId(2),
        amr: ['pwd'],
        tenantId: state.tenantId ?? null,
        roles: current() ? [current()?.role] : [],
        permissions: current()?.permissions ?? [],
      });
    }
    if ((path === '/api/auth/logout' || path === '/api/auth/logout-all') && method === 'POST') {
      state.signedIn = false;
      return reply(204);
    }
    if (path === '/api/auth/switch-tenant' && method === 'POST') {
      const target = tenants.find((tenant) => tenant.id === body.tenantId);
      if (!target) return problem(403, 'FORBIDDEN');
      state.tenantId = target.id;
      return reply(200, { tenantId: target.id, roles: [target.role], permissions: target.permissions });
    }
    if (path === '/api/tenancy/memberships') {
      return reply(200, {
        items: tenants.map((tenant) => ({
          tenantId: tenant.id,
          tenantName: tenant.name,
          tenantSlug: tenant.name.toLowerCase(),
          tenantStatus: 'active',
          role: tenant.role,
          roleName: tenant.role,
        })),
      });
    }
    if (path === '/api/cortex/apps') {
      if (!can('cortex:app:read')) return problem(403, 'FORBIDDEN');
      return reply(200, {
        items: apps.map((app) => ({ ...app, enabled: current()?.enabled.includes(app.name) ?? false })),
      });
    }
    if (path === '/api/cortex/settings' || path === '/api/cortex/display-settings') {
      const permission = path.endsWith('/settings') ? 'cortex:setting:read' : 'cortex:display-settings:read';
      if (!can(permission)) return problem(403, 'FORBIDDEN');
      return reply(200, {
        locale: 'en-US',
        timeZone: 'UTC',
        currency: 'EUR',
        theme: {},
        ...current()?.settings,
      });
    }
    if (path.startsWith('/api/crm/')) {
      if (!current()?.enabled.includes('crm')) return problem(404, 'APP_DISABLED');
      return crm.fetch(url.pathname + url.search, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    }
    return problem(404, 'NOT_FOUND');
  }

  const fetchImpl: typeof fetch = async (input, init) => {
    const { url, method, text } = await readFetchInput(input, init);
    const body = text ? (JSON.parse(text) as Json) : {};
    requests.push({ method, url: url.pathname + url.search, body: text ? body : undefined });
    return handle(method, url, body);
  };
  return { fetch: fetchImpl, requests, state, crm };
}

export type FakeHost = ReturnType<typeof createFakeHost>;

/**
 * The whole Cortex app on a fake host, at `path`, in English, with a memory router.
 *
 * @example
 * const { router, host } = renderCortex('/', { signedIn: false });
 */
export function renderCortex(path: string, options: FakeHostOptions = {}) {
  const host = createFakeHost(options);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const app = createCortexApp({ fetch: host.fetch, initialPath: path, queryClient, locale: 'en-US' });
  return { ...render(app.element), host, router: app.router, queryClient, loader: app.loader };
}
