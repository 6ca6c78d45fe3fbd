import type { SessionData } from './load-session.js';

/** Whether an app can be used in the session's tenant. */
export type AppAvailability = 'enabled' | 'disabled' | 'missing';

/**
 * Whether an app is on for the session's tenant: what `/api/cortex/apps` says; a session that may
 * not list the apps sees those it holds permissions of, until the app's API answers `APP_DISABLED`.
 *
 * @example
 * appAvailability(session, 'crm') // 'disabled' after an admin turned the CRM off
 */
export function appAvailability(
  data: Pick<SessionData, 'apps' | 'appsKnown' | 'permissions' | 'refusedApps'>,
  name: string,
): AppAvailability {
  if (data.refusedApps.includes(name)) return 'disabled';
  if (!data.appsKnown) {
    const holds = data.permissions.some(
      (permission) => permission === '*' || permission.startsWith(`${name}:`),
    );
    return holds ? 'enabled' : 'disabled';
  }
  const app = data.apps.find((candidate) => candidate.name === name);
  if (!app) return 'missing';
  return app.enabled ? 'enabled' : 'disabled';
}
