import { createApiClients, createQueryClient } from '@codexion/web';
import type { QueryClient } from '@tanstack/react-query';
import { type ReactElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { type AppRegistryEntry, adminEntry, appRegistry } from './app-registry.js';
import { CortexProviders } from './cortex-providers.js';
import { browserLocale, createCortexI18n } from './create-cortex-i18n.js';
import { createModuleLoader, type ModuleLoader } from './module-loader.js';
import { RouteErrorPage } from './route-error-page.js';
import { SessionProvider } from './session-provider.js';
import { ShellContext } from './shell-context.js';

export interface CortexAppOptions {
  /** the modules to mount; every registered app and the administration by default */
  registry?: readonly AppRegistryEntry[];
  /** replaces the global fetch (tests, demos) */
  fetch?: typeof fetch;
  /** a memory router starting here instead of the browser's URL (tests, screenshots) */
  initialPath?: string;
  queryClient?: QueryClient;
  /** the language before a tenant's settings are known; the browser's by default */
  locale?: string;
}

export interface CortexApp {
  router: ReturnType<typeof createBrowserRouter>;
  queryClient: QueryClient;
  loader: ModuleLoader;
  element: ReactElement;
  mount: (container: Element) => Root;
}

const shellLoading = <div data-slot="shell-loading" className="min-h-svh bg-background" aria-busy="true" />;

/**
 * The Cortex console: the sign-in and invitation pages, and behind the sign-in the shell with each
 * enabled app's module under `/<app>/*` and the administration under `/admin/*`. Every page is
 * its own chunk, and so is every module: a module's definition loads on the first visit under it
 * or once the session says the app is on, so the first load carries no app code.
 *
 * @example
 * createCortexApp().mount(document.getElementById('root')!);
 */
export function createCortexApp({
  registry = [...appRegistry, adminEntry],
  fetch: fetchImpl,
  initialPath,
  queryClient = createQueryClient(),
  locale = browserLocale(),
}: CortexAppOptions = {}): CortexApp {
  const i18n = createCortexI18n(locale);
  const loader = createModuleLoader(registry, i18n);
  const mounted = new Set<string>();

  const routes: RouteObject[] = [
    {
      path: '/login',
      lazy: async () => {
        const { CortexLoginPage } = await import('./cortex-login-page.js');
        return { element: <CortexLoginPage /> };
      },
      hydrateFallbackElement: shellLoading,
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/invite/:token',
      lazy: async () => {
        const { InvitePage } = await import('./invite-page.js');
        return { element: <InvitePage /> };
      },
      hydrateFallbackElement: shellLoading,
      errorElement: <RouteErrorPage />,
    },
    {
      id: 'shell',
      path: '/',
      // the layout loads beside the session request and the first page: the entry keeps only what
      // decides which page to draw
      lazy: async () => {
        const { CortexShell } = await import('./cortex-shell.js');
        return { element: <CortexShell /> };
      },
      hydrateFallbackElement: shellLoading,
      errorElement: <RouteErrorPage />,
      children: [
        {
          index: true,
          lazy: async () => {
            const { HomePage } = await import('./home-page.js');
            return { element: <HomePage /> };
          },
        },
        {
          path: '*',
          lazy: async () => {
            const { NotFoundPage } = await import('./not-found-page.js');
            return { element: <NotFoundPage /> };
          },
        },
      ],
    },
  ];

  // a module's routes join the shell the first time a URL under it is visited
  const patchRoutesOnNavigation = async ({
    path,
    patch,
  }: {
    path: string;
    patch: (routeId: string | null, children: RouteObject[]) => void;
  }) => {
    const name = path.split('/').filter(Boolean)[0] ?? '';
    if (!loader.entry(name) || mounted.has(name)) return;
    const { module } = await loader.load(name);
    if (mounted.has(name)) return;
    mounted.add(name);
    patch('shell', [
      {
        id: `module:${name}`,
        path: name,
        lazy: async () => {
          const { ModuleScope } = await import('./module-scope.js');
          return { element: <ModuleScope name={name} /> };
        },
        children: module.routes,
      },
    ]);
  };

  const router = initialPath
    ? createMemoryRouter(routes, { initialEntries: [initialPath], patchRoutesOnNavigation })
    : createBrowserRouter(routes, { patchRoutesOnNavigation });
  const clientFor = createApiClients({ fetch: fetchImpl });
  const navigate = (to: string) => router.navigate(to, { replace: true });

  const element = (
    <ShellContext.Provider value={{ loader, fetch: fetchImpl }}>
      <SessionProvider
        clientFor={clientFor}
        queryClient={queryClient}
        navigate={navigate}
        fallbackLocale={locale}
      >
        <CortexProviders i18n={i18n} queryClient={queryClient} fetch={fetchImpl} fallbackLocale={locale}>
          <RouterProvider router={router} />
        </CortexProviders>
      </SessionProvider>
    </ShellContext.Provider>
  );
  return {
    router,
    queryClient,
    loader,
    element,
    mount(container) {
      const root = createRoot(container);
      root.render(<StrictMode>{element}</StrictMode>);
      return root;
    },
  };
}
