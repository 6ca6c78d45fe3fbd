import { AppShell, Button, type NavSection } from '@codexion/resources';
import { SunMoon } from 'lucide-react';
import { type ComponentType, lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { usePermissions } from '../permissions/permissions-provider.js';
import type { AppModule, ShellActionsProps } from './define-app-module.js';
import { NavigationProgress } from './navigation-progress.js';

const ThemeToggle = /* @__PURE__ */ lazy(() =>
  import('./deferred-shell-parts.js').then((parts) => ({ default: parts.DeferredThemeToggle })),
);

export interface StandaloneShellProps {
  module: AppModule;
  /** the URL the module's routes hang under (`''` standalone, `/sales` in a subfolder) */
  basePath?: string;
  /** the signed-in user's menu (`UserMenu`: who, sign out); none when nobody signs in */
  userMenu?: ReactNode;
}

/**
 * The layout of a standalone app: the design system's AppShell with the module's navigation (what
 * the session may see), the module's top-bar actions, a theme toggle, the user's menu and the
 * current page.
 *
 * @example
 * { path: '/', element: <StandaloneShell module={salesModule} />, children: salesModule.routes }
 */
export function StandaloneShell({ module, basePath = '', userMenu }: StandaloneShellProps) {
  const { t } = useTranslation(module.name);
  const { t: tf } = useTranslation('codexion');
  const { can } = usePermissions();
  const location = useLocation();
  const Icon = module.icon;
  const loadActions = module.shellActions;
  const ShellActions = useMemo(
    () =>
      loadActions
        ? lazy(
            async (): Promise<{ default: ComponentType<ShellActionsProps> }> => ({
              default: await loadActions(),
            }),
          )
        : undefined,
    [loadActions],
  );
  const visible = module.nav.filter((item) => !item.permission || can(item.permission));
  const hrefOf = (path: string) => `${basePath}/${path}`.replace(/(.)\/$/, '$1');
  const { pathname } = location;
  // the home entry (path '') is active on the module's root only, the others on their subtree too;
  // the most specific wins: on /deals/board, "Pipeline" (deals/board) and not also "Deals"
  const activeHref = visible
    .filter((item) => {
      const href = hrefOf(item.path);
      if (!item.path) return pathname === href || pathname === `${href}/`;
      return pathname === href || pathname.startsWith(`${href}/`);
    })
    .map((item) => hrefOf(item.path))
    .sort((a, b) => b.length - a.length)[0];
  const sections: NavSection[] = [
    {
      id: module.name,
      // no title: the brand above already names the app
      items: visible.map((item) => {
        const href = hrefOf(item.path);
        const ItemIcon = item.icon;
        return {
          id: item.path || 'home',
          label: item.labelKey ? t(item.labelKey, { defaultValue: item.label }) : item.label,
          href,
          icon: ItemIcon ? <ItemIcon aria-hidden="true" /> : undefined,
          active: href === activeHref,
        };
      }),
    },
  ];
  return (
    <AppShell
      nav={sections}
      brand={
        <span className="flex items-center gap-2 font-semibold">
          {Icon && <Icon aria-hidden="true" className="size-5 text-primary" />}
          {t('title', { defaultValue: module.title })}
        </span>
      }
      themeToggle={
        <Suspense
          fallback={
            <Button variant="ghost" size="icon" disabled aria-label={tf('ui.theme')}>
              <SunMoon aria-hidden="true" />
            </Button>
          }
        >
          <ThemeToggle />
        </Suspense>
      }
      actions={
        ShellActions && (
          <Suspense fallback={null}>
            <ShellActions basePath={basePath} />
          </Suspense>
        )
      }
      userMenu={userMenu}
      renderLink={({ href, ...props }) => <Link to={href} {...props} />}
      labels={{ skipToContent: tf('nav.skipToContent') }}
    >
      <NavigationProgress />
      <Outlet />
    </AppShell>
  );
}
