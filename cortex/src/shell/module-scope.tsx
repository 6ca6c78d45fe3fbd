import { Outlet } from 'react-router';
import { appAvailability } from './app-availability.js';
import { AppDisabledPage } from './app-disabled-page.js';
import { adminEntry } from './app-registry.js';
import { ModuleApi } from './module-api.js';
import { useAuth } from './session-provider.js';

/**
 * The route element above a module's pages (`/crm/*`): its API, or the page saying the app is off
 * for the tenant, so a bookmarked URL of a disabled app never reaches its API.
 *
 * @example
 * { path: 'crm', element: <ModuleScope name="crm" />, children: crmModule.routes }
 */
export function ModuleScope({ name }: { name: string }) {
  const { data } = useAuth();
  if (!data) return null;
  if (name !== adminEntry.name) {
    const availability = appAvailability(data, name);
    if (availability !== 'enabled') return <AppDisabledPage name={name} availability={availability} />;
  }
  return (
    <ModuleApi name={name}>
      <Outlet />
    </ModuleApi>
  );
}
