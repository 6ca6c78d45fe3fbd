import { EmptyState } from '@codexion/resources';
import { PermissionsProvider, usePermissions, useTranslation } from '@codexion/web';
import { ShieldAlert } from 'lucide-react';
import { Navigate, Outlet } from 'react-router';
import { useSession } from '../shell/session-context.js';
import { adminManifest } from './admin-nav.js';

/**
 * The frame of every admin page: the session's permissions for `usePermissions()` and
 * `PermissionButton`, whatever the shell put above, so a button never shows to someone the
 * server would refuse.
 *
 * @example
 * { element: <AdminLayout />, children: [...pages] }
 */
export function AdminLayout() {
  const { permissions } = useSession();
  return (
    <PermissionsProvider permissions={permissions}>
      <Outlet />
    </PermissionsProvider>
  );
}

/**
 * `/admin` itself: the first admin page the session may see, or a note that there is none.
 *
 * @example
 * { index: true, element: <AdminIndex /> }
 */
export function AdminIndex() {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const first = adminManifest.nav.find((item) => can(item.permission));
  // the manifest's paths start at the module's root; the index route navigates relative to it
  if (first) return <Navigate to={first.path.slice(1)} replace />;
  return (
    <EmptyState icon={<ShieldAlert />} title={t('common.forbidden')} description={t('common.noAdminPages')} />
  );
}
