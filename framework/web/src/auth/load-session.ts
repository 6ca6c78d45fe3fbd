import { getMe } from '@codexion/contracts/auth/client';
import { client as authApi } from '@codexion/contracts/auth/client.gen';
import { listMyMemberships } from '@codexion/contracts/tenancy/client';
import { client as tenancyApi } from '@codexion/contracts/tenancy/client.gen';
import type { ApiClients } from '../api/create-api-client.js';
import { ProblemError } from '../api/problem-error.js';

/** The signed-in user, as `/api/auth/me` gives it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/** A tenant the user belongs to (`/api/tenancy/memberships`). */
export interface SessionTenant {
  id: string;
  name: string;
  status: string;
  roles: string[];
}

/** `GET /api/auth/me`: who is signed in, and what they may do in the session's tenant. */
export interface Me {
  user: SessionUser;
  /** `null` when the session acts in no tenant (yet) */
  tenantId: string | null;
  roles: string[];
  permissions: string[];
}

/** What every shell knows about a session: the user, their tenants, and what they may do. */
export interface SessionBasics {
  user: SessionUser;
  /** `null` when the user acts in no tenant (yet) */
  tenant: SessionTenant | null;
  tenants: SessionTenant[];
  roles: string[];
  permissions: string[];
}

/**
 * The answer, or `fallback` when the server refuses the session (403: a permission it lacks).
 *
 * @example
 * const apps = await unlessForbidden(listApps({ client, throwOnError: true }).then(({ data }) => data.items), []);
 */
export async function unlessForbidden<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 403) return fallback;
    throw error;
  }
}

/**
 * Who is signed in (`GET /api/auth/me`), or `null` when nobody is (401).
 *
 * @throws {ProblemError} anything but 401
 * @example
 * const me = await loadMe(createApiClients());
 */
export async function loadMe(clientFor: ApiClients): Promise<Me | null> {
  try {
    return (await getMe({ client: clientFor(authApi), throwOnError: true })).data;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The tenants the signed-in user belongs to (`GET /api/tenancy/memberships`); none when the
 * session may not read them.
 *
 * @example
 * const tenants = await loadTenants(clientFor); // [{ id, name: 'Acme (demo)', status: 'active', roles: ['owner'] }]
 */
export async function loadTenants(clientFor: ApiClients): Promise<SessionTenant[]> {
  const memberships = await unlessForbidden(
    listMyMemberships({ client: clientFor(tenancyApi), throwOnError: true }).then(({ data }) => data.items),
    [],
  );
  return memberships.map((membership) => ({
    id: membership.tenantId,
    name: membership.tenantName,
    status: membership.tenantStatus,
    roles: [membership.role],
  }));
}

/**
 * The session's basics from `/me` and the memberships: its tenant among them (named, when the
 * memberships know it).
 *
 * @example
 * const basics = sessionBasics(me, await loadTenants(clientFor));
 */
export function sessionBasics(me: Me, tenants: SessionTenant[]): SessionBasics {
  const tenant =
    me.tenantId === null
      ? null
      : (tenants.find((candidate) => candidate.id === me.tenantId) ?? {
          id: me.tenantId,
          name: '',
          status: 'active',
          roles: me.roles,
        });
  return { user: me.user, tenant, tenants, roles: me.roles, permissions: me.permissions };
}

/**
 * Boots a session as a standalone app needs it: who is signed in, then their tenants. `null` when
 * nobody is signed in.
 *
 * @throws {ProblemError} anything but 401 from `/me`, or a failure other than 403 of the memberships
 * @example
 * const session = await loadSessionBasics(createApiClients());
 * if (!session) navigate('/login');
 */
export async function loadSessionBasics(clientFor: ApiClients): Promise<SessionBasics | null> {
  const me = await loadMe(clientFor);
  return me === null ? null : sessionBasics(me, await loadTenants(clientFor));
}
