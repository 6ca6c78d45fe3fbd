import { MenuIcon, PanelLeftCloseIcon, PanelLeftOpenIcon } from 'lucide-react';
import { type ComponentProps, type ReactNode, useId, useState } from 'react';
import { cn } from '../lib/cn.js';
import type { RenderLink } from '../lib/render-link.js';
import { useUiStrings } from '../lib/ui-strings.js';
import { Button } from './button.js';
import { Sheet, SheetContent, SheetTitle } from './sheet.js';
import { type NavSection, SidebarNav } from './sidebar-nav.js';

export interface AppShellProps extends ComponentProps<'div'> {
  /** the sidebar's links, by section */
  nav: readonly NavSection[];
  /** logo and product name at the top of the sidebar */
  brand?: ReactNode;
  /** what sits at the bottom of the sidebar (version, tenant switcher…) */
  sidebarFooter?: ReactNode;
  /** top bar slots, left to right */
  breadcrumbs?: ReactNode;
  search?: ReactNode;
  actions?: ReactNode;
  themeToggle?: ReactNode;
  userMenu?: ReactNode;
  /** icons-only sidebar (controlled) */
  collapsed?: boolean;
  defaultCollapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
  /** draws the sidebar's links with your router; a plain `<a>` by default */
  renderLink?: RenderLink;
  /** overrides of the built-in strings */
  labels?: { toggleSidebar?: string; navigation?: string; skipToContent?: string };
}

/**
 * The application layout: a sidebar with navigation sections (collapsible to icons), a top bar
 * with slots for breadcrumbs, search, actions, theme toggle and user menu, and the page content.
 * Below the `md` breakpoint the sidebar becomes a sheet opened from the top bar. The page
 * scrolls as a whole; the sidebar and the top bar stay in place.
 *
 * @example
 * <AppShell
 *   brand={<span className="font-semibold">Codexion</span>}
 *   nav={[{ title: 'Sales', items: [{ label: 'Deals', href: '/crm/deals', icon: <HandshakeIcon />, active: true }] }]}
 *   breadcrumbs={<Breadcrumbs items={[{ label: 'CRM', href: '/crm' }, { label: 'Deals' }]} />}
 *   themeToggle={<ThemeToggle />}
 *   userMenu={<UserMenu />}
 * >
 *   <DealsPage />
 * </AppShell>
 */
export function AppShell({
  nav,
  brand,
  sidebarFooter,
  breadcrumbs,
  search,
  actions,
  themeToggle,
  userMenu,
  collapsed: collapsedProp,
  defaultCollapsed = false,
  onCollapsedChange,
  renderLink,
  labels,
  className,
  children,
  ...props
}: AppShellProps) {
  const strings = useUiStrings();
  const sidebarId = useId();
  const contentId = useId();
  const [uncontrolled, setUncontrolled] = useState(defaultCollapsed);
  const collapsed = collapsedProp ?? uncontrolled;
  const [mobileOpen, setMobileOpen] = useState(false);
  const toggleLabel = labels?.toggleSidebar ?? strings.toggleSidebar;
  const navLabel = labels?.navigation ?? strings.navigation;

  const toggleCollapsed = () => {
    if (collapsedProp === undefined) setUncontrolled(!collapsed);
    onCollapsedChange?.(!collapsed);
  };

  return (
    <div
      data-slot="app-shell"
      data-sidebar-collapsed={collapsed}
      className={cn('group/app-shell flex min-h-svh bg-background text-foreground', className)}
      {...props}
    >
      <a
        href={`#${contentId}`}
        className="sr-only z-50 rounded-md bg-background px-3 py-2 font-medium text-sm shadow-md focus:not-sr-only focus:fixed focus:start-2 focus:top-2 focus:outline-none focus:ring-[3px] focus:ring-ring/50"
      >
        {labels?.skipToContent ?? strings.skipToContent}
      </a>
      <aside
        id={sidebarId}
        data-slot="app-shell-sidebar"
        data-collapsed={collapsed}
        className={cn(
          'sticky top-0 hidden h-svh shrink-0 flex-col overflow-hidden border-sidebar-border border-e bg-sidebar text-sidebar-foreground transition-[width] duration-(--duration-normal) ease-standard md:flex',
          collapsed ? 'w-sidebar-collapsed' : 'w-sidebar',
        )}
      >
        {brand !== undefined && (
          <div
            data-slot="app-shell-brand"
            className={cn(
              'flex h-topbar shrink-0 items-center gap-2 overflow-hidden border-sidebar-border border-b px-4',
              collapsed && 'justify-center px-2',
            )}
          >
            {brand}
          </div>
        )}
        <nav aria-label={navLabel} className="flex-1 overflow-y-auto overflow-x-hidden p-2">
          <SidebarNav sections={nav} collapsed={collapsed} renderLink={renderLink} />
        </nav>
        {sidebarFooter !== undefined && (
          <div data-slot="app-shell-sidebar-footer" className="shrink-0 border-sidebar-border border-t p-2">
            {sidebarFooter}
          </div>
        )}
      </aside>

      <Sheet open={mobileOpen} onOpenChange={setMobileOpen}>
        <SheetContent
          side="left"
          aria-describedby={undefined}
          closeLabel={strings.close}
          className="w-sidebar gap-0 bg-sidebar p-0 text-sidebar-foreground"
        >
          <SheetTitle className="sr-only">{navLabel}</SheetTitle>
          {brand !== undefined && (
            <div className="flex h-topbar shrink-0 items-center gap-2 border-sidebar-border border-b px-4">
              {brand}
            </div>
          )}
          <nav aria-label={navLabel} className="flex-1 overflow-y-auto p-2">
            <SidebarNav sections={nav} renderLink={renderLink} onNavigate={() => setMobileOpen(false)} />
          </nav>
          {sidebarFooter !== undefined && (
            <div className="shrink-0 border-sidebar-border border-t p-2">{sidebarFooter}</div>
          )}
        </SheetContent>
      </Sheet>

      <div data-slot="app-shell-main" className="flex min-w-0 flex-1 flex-col">
        <header
          data-slot="app-shell-topbar"
          className="sticky top-0 z-30 flex h-topbar shrink-0 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-4"
        >
          <Button
            variant="ghost"
            size="icon-sm"
            className="md:hidden"
            aria-label={toggleLabel}
            aria-expanded={mobileOpen}
            onClick={() => setMobileOpen(true)}
          >
            <MenuIcon aria-hidden="true" />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            className="hidden md:inline-flex"
            aria-label={toggleLabel}
            aria-expanded={!collapsed}
            aria-controls={sidebarId}
            onClick={toggleCollapsed}
          >
            {collapsed ? <PanelLeftOpenIcon aria-hidden="true" /> : <PanelLeftCloseIcon aria-hidden="true" />}
          </Button>
          <div data-slot="app-shell-breadcrumbs" className="min-w-0 flex-1">
            {breadcrumbs}
          </div>
          {search !== undefined && <div data-slot="app-shell-search">{search}</div>}
          {actions !== undefined && (
            <div data-slot="app-shell-actions" className="flex items-center gap-1">
              {actions}
            </div>
          )}
          {themeToggle !== undefined && <div data-slot="app-shell-theme-toggle">{themeToggle}</div>}
          {userMenu !== undefined && <div data-slot="app-shell-user-menu">{userMenu}</div>}
        </header>
        <main
          id={contentId}
          tabIndex={-1}
          data-slot="app-shell-content"
          className="min-w-0 flex-1 p-4 outline-none md:p-6"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
