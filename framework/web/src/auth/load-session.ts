import type { ApiFetch } from '../api/api-fetch.js';
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

interface Membership {
  tenantId: string;
  tenantName: string;
  tenantStatus: string;
  role: string;
}

/**
 * The answer, or `fallback` when the server refuses the session (403: a permission it lacks).
 *
 * @example
 * const apps = await unlessForbidden(listApps(apiFetch), []);
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
 * const me = await loadMe(createApiFetch({ baseUrl: '/api' }));
 */
export async function loadMe(apiFetch: ApiFetch): Promise<Me | null> {
  try {
    return (await apiFetch<Me>('/auth/me')).data;
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
 * const tenants = await loadTenants(apiFetch); // [{ id, name: 'Acme (demo)', status: 'active', roles: ['owner'] }]
 */
export async function loadTenants(apiFetch: ApiFetch): Promise<SessionTenant[]> {
  const memberships = await unlessForbidden(
    apiFetch<{ items: Membership[] }>('/tenancy/memberships').then(({ data }) => data.items),
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
 * const basics = sessionBasics(me, await loadTenants(apiFetch));
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
 * const session = await loadSessionBasics(createApiFetch({ baseUrl: '/api' }));
 * if (!session) navigate('/login');
 */
export async function loadSessionBasics(apiFetch: ApiFetch): Promise<SessionBasics | null> {
  const me = await loadMe(apiFetch);
  return me === null ? null : sessionBasics(me, await loadTenants(apiFetch));
}
