import { AppShell, Button, type NavSection, ThemeToggle } from '@codexion/resources';
import {
  type AppModule,
  NavigationProgress,
  NoTenantPage,
  SearchHostProvider,
  type ShellActionsProps,
  ShellLoading,
  UserMenu,
  useTranslation,
} from '@codexion/web';
import { House, Orbit, Search } from 'lucide-react';
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { adminEntry } from './app-registry.js';
import { CortexBrand } from './cortex-brand.js';
import { ModuleApi } from './module-api.js';
import type { SessionValue } from './session-context.js';
import { useAuth } from './session-provider.js';
import { useShell } from './shell-context.js';
import { activeHref } from './shell-nav.js';
import { TenantSwitcher } from './tenant-switcher.js';
import { useShellNav } from './use-shell-nav.js';

const CommandPalette = /* @__PURE__ */ lazy(() =>
  import('./cortex-command-palette.js').then((m) => ({ default: m.CortexCommandPalette })),
);

// one lazy component per module, so entering and leaving a module does not load its actions again
const shellActionsOf = new WeakMap<AppModule, LazyExoticComponent<ComponentType<ShellActionsProps>>>();
function shellActions(module: AppModule) {
  const load = module.shellActions;
  if (!load) return undefined;
  let component = shellActionsOf.get(module);
  if (!component) {
    component = lazy(async () => ({ default: await load() }));
    shellActionsOf.set(module, component);
  }
  return component;
}

/** The signed-in shell: sidebar of the enabled apps and the administration, top bar, palette. */
function SignedInShell({ session }: { session: SessionValue }) {
  const { t } = useTranslation('cortex');
  const { t: tf } = useTranslation('codexion');
  const { loader } = useShell();
  const { pathname } = useLocation();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const host = useMemo(() => ({ open: () => setPaletteOpen(true) }), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const { sections, apps, enabled } = useShellNav();
  const entries = sections.flatMap((section) => section.entries);
  const active = activeHref(['/', ...entries.map((entry) => entry.href)], pathname);
  const nav: NavSection[] = [
    {
      id: 'home',
      items: [
        {
          id: 'home',
          label: t('nav.home'),
          href: '/',
          icon: <House aria-hidden="true" />,
          active: active === '/',
        },
      ],
    },
    ...sections.map((section) => ({
      id: section.module,
      title: section.title,
      items: section.entries.map((entry) => {
        const Icon = entry.icon;
        return {
          id: entry.id,
          label: entry.label,
          href: entry.href,
          icon: Icon ? <Icon aria-hidden="true" /> : undefined,
          active: entry.href === active,
        };
      }),
    })),
  ];

  const current = pathname.split('/').filter(Boolean)[0] ?? '';
  const currentModule =
    current === adminEntry.name || enabled.includes(current) ? loader.get(current)?.module : undefined;
  const Actions = currentModule ? shellActions(currentModule) : undefined;

  return (
    <SearchHostProvider host={host}>
      <AppShell
        nav={nav}
        brand={
          <Link to="/" className="flex items-center gap-2 font-semibold">
            <Orbit aria-hidden="true" className="size-5 shrink-0 text-primary" />
            <span className="truncate">{t('brand')}</span>
          </Link>
        }
        breadcrumbs={<TenantSwitcher />}
        search={
          <Button
            variant="outline"
            size="sm"
            className="gap-2 text-muted-foreground"
            onClick={() => setPaletteOpen(true)}
            aria-keyshortcuts="Control+K Meta+K"
            aria-label={t('palette.button')}
          >
            <Search aria-hidden="true" />
            <span className="hidden sm:inline">{t('palette.button')}</span>
            <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[0.7rem] md:inline">
              Ctrl K
            </kbd>
          </Button>
        }
        actions={
          Actions &&
          currentModule && (
            <ModuleApi name={currentModule.name}>
              <Suspense fallback={null}>
                <Actions basePath={`/${currentModule.name}`} />
              </Suspense>
            </ModuleApi>
          )
        }
        themeToggle={
          <ThemeToggle
            labels={{
              theme: tf('ui.theme'),
              light: tf('ui.themeLight'),
              dark: tf('ui.themeDark'),
              system: tf('ui.themeSystem'),
            }}
          />
        }
        userMenu={<UserMenu user={session.user} roles={session.roles} />}
        renderLink={({ href, ...props }) => <Link to={href} {...props} />}
        labels={{ skipToContent: tf('nav.skipToContent') }}
      >
        <NavigationProgress />
        <Outlet />
      </AppShell>
      {/* its chunk loads while the first page does; Ctrl/⌘+K works from the start */}
      <Suspense fallback={null}>
        <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} pages={entries} apps={apps} />
      </Suspense>
    </SearchHostProvider>
  );
}

/**
 * The layout of every page behind the sign-in: waits for the session, sends a visitor to the
 * sign-in page (coming back here after), and otherwise draws the shell around the page.
 *
 * @example
 * { id: 'shell', path: '/', element: <CortexShell />, children: [...] }
 */
export function CortexShell() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <ShellLoading />;
  if (auth.status === 'failed') {
    return (
      <CortexBrand>
        <ShellLoading failed onRetry={() => void auth.reload()} />
      </CortexBrand>
    );
  }
  if (auth.status === 'anonymous' || !auth.data) {
    const returnTo = `${location.pathname}${location.search}${location.hash}`;
    return (
      <Navigate
        to={returnTo === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(returnTo)}`}
        replace
      />
    );
  }
  if (!auth.session) {
    return (
      <CortexBrand>
        <NoTenantPage tenants={auth.data.tenants} />
      </CortexBrand>
    );
  }
  return <SignedInShell session={auth.session} />;
}
