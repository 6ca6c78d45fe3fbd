import {
  type ApiClients,
  loadMe,
  loadTenants,
  type SessionBasics,
  sessionBasics,
  unlessForbidden,
} from '@codexion/web';
import { client as cortexApi } from '../../core/generated/client/client.gen.js';
import { getDisplaySettings, listApps } from '../../core/generated/client/sdk.gen.js';
import type { SessionApp, TenantSettings } from './session-context.js';

/** What the shell knows after booting a session: `SessionValue` without its actions. */
export interface SessionData extends SessionBasics {
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

/**
 * Boots a session: who is signed in (`/api/auth/me`), then their tenants, the apps and the tenant's
 * display settings (`/api/cortex/display-settings`: locale, time zone, currency, theme) at once. `null` when nobody is signed in (401). What the session may not read is left
 * empty (apps) or at its defaults (settings) rather than failing the shell.
 *
 * @throws {ProblemError} anything but 401 from `/me`, or a failure other than 403 of the rest
 * @example
 * const data = await loadSession(createApiClients());
 * if (!data) navigate('/login');
 */
export async function loadSession(
  clientFor: ApiClients,
  fallbackLocale = 'en-US',
): Promise<SessionData | null> {
  const me = await loadMe(clientFor);
  if (me === null) return null;
  const client = clientFor(cortexApi);
  const [tenants, apps, settings] = await Promise.all([
    loadTenants(clientFor),
    unlessForbidden<SessionApp[] | null>(
      listApps({ client, throwOnError: true }).then(({ data }) => data.items),
      null,
    ),
    unlessForbidden<TenantSettings>(
      // what every member may read; the settings themselves (`getSettings`) are the administration's
      getDisplaySettings({ client, throwOnError: true }).then(({ data }) => data),
      // display settings the session may not read: the browser's language, the rest at defaults
      { ...defaultSettings, locale: fallbackLocale },
    ),
  ]);
  return {
    ...sessionBasics(me, tenants),
    apps: apps ?? [],
    appsKnown: apps !== null,
    refusedApps: [],
    settings: { ...defaultSettings, ...settings, theme: settings.theme ?? {} },
  };
}
