import { type ApiFetch, ProblemError } from '@codexion/web';
import type { SessionApp, SessionTenant, SessionUser, TenantSettings } from './session-context.js';

/** What the shell knows after booting a session: `SessionValue` without its actions. */
export interface SessionData {
  user: SessionUser;
  /** `null` when the user belongs to no tenant (yet) */
  tenant: SessionTenant | null;
  tenants: SessionTenant[];
  roles: string[];
  permissions: string[];
  apps: SessionApp[];
  /** false when the session may not list the apps (`cortex:app:read`): `apps` is empty then */
  appsKnown: boolean;
  /** apps whose API answered `APP_DISABLED` since the session loaded: off, whatever else was said */
  refusedApps: string[];
  settings: TenantSettings;
}

/** A tenant's settings before anyone saved them. */
export const defaultSettings: TenantSettings = {
  locale: 'en-US',
  timeZone: 'UTC',
  currency: 'EUR',
  theme: {},
};

interface Me {
  user: SessionUser;
  tenantId: string | null;
  roles: string[];
  permissions: string[];
}

interface Membership {
  tenantId: string;
  tenantName: string;
  tenantStatus: string;
  role: string;
}

/** The answer, or `fallback` when the server refuses the session (403: a permission it lacks). */
async function unlessForbidden<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 403) return fallback;
    throw error;
  }
}

/**
 * Boots a session: who is signed in (`/api/auth/me`), then their tenants, the apps and the tenant's
 * display settings (`/api/cortex/display-settings`: locale, time zone, currency, theme) at once. `null` when nobody is signed in (401). What the session may not read is left
 * empty (apps) or at its defaults (settings) rather than failing the shell.
 *
 * @throws {ProblemError} anything but 401 from `/me`, or a failure other than 403 of the rest
 * @example
 * const data = await loadSession(createApiFetch({ baseUrl: '/api' }));
 * if (!data) navigate('/login');
 */
export async function loadSession(apiFetch: ApiFetch, fallbackLocale = 'en-US'): Promise<SessionData | null> {
  let me: Me;
  try {
    me = (await apiFetch<Me>('/auth/me')).data;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
  const [memberships, apps, settings] = await Promise.all([
    unlessForbidden(
      apiFetch<{ items: Membership[] }>('/tenancy/memberships').then(({ data }) => data.items),
      [],
    ),
    unlessForbidden(
      apiFetch<{ items: SessionApp[] }>('/cortex/apps').then(({ data }) => data.items),
      null,
    ),
    unlessForbidden(
      // what every member may read; the settings themselves (`/cortex/settings`) are the administration's
      apiFetch<TenantSettings>('/cortex/display-settings').then(({ data }) => data),
      // display settings the session may not read: the browser's language, the rest at defaults
      { ...defaultSettings, locale: fallbackLocale },
    ),
  ]);
  const tenants: SessionTenant[] = memberships.map((membership) => ({
    id: membership.tenantId,
    name: membership.tenantName,
    status: membership.tenantStatus,
    roles: [membership.role],
  }));
  const current =
    me.tenantId === null
      ? null
      : (tenants.find((tenant) => tenant.id === me.tenantId) ?? {
          id: me.tenantId,
          name: '',
          status: 'active',
          roles: me.roles,
        });
  return {
    user: me.user,
    tenant: current,
    tenants,
    roles: me.roles,
    permissions: me.permissions,
    apps: apps ?? [],
    appsKnown: apps !== null,
    refusedApps: [],
    settings: { ...defaultSettings, ...settings, theme: settings.theme ?? {} },
  };
}
