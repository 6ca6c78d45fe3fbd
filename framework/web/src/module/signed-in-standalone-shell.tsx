import { Navigate, useLocation } from 'react-router';
import { NoTenantPage } from '../auth/no-tenant-page.js';
import { ShellLoading } from '../auth/shell-loading.js';
import { UserMenu } from '../auth/user-menu.js';
import type { AppModule } from './define-app-module.js';
import { useStandaloneAuth } from './standalone-auth.js';
import { StandaloneShell } from './standalone-shell.js';

/**
 * The standalone shell behind the sign-in, as Cortex's: waits for the session, sends a visitor to
 * the sign-in page (coming back here after), offers the tenants to a user acting in none, and
 * otherwise draws the shell with the user's menu (sign out).
 *
 * @example
 * { path: '/', element: <SignedInStandaloneShell module={salesModule} />, children: salesModule.routes }
 */
export function SignedInStandaloneShell({ module }: { module: AppModule }) {
  const auth = useStandaloneAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <ShellLoading />;
  if (auth.status === 'failed') return <ShellLoading failed onRetry={() => void auth.reload()} />;
  if (auth.status === 'anonymous' || !auth.data) {
    const returnTo = `${location.pathname}${location.search}${location.hash}`;
    return (
      <Navigate
        to={returnTo === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(returnTo)}`}
        replace
      />
    );
  }
  const { tenant, tenants, user, roles } = auth.data;
  if (!tenant) return <NoTenantPage tenants={tenants} />;
  return <StandaloneShell module={module} userMenu={<UserMenu user={user} roles={roles} />} />;
}
