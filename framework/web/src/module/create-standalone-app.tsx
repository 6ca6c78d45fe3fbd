import type { QueryClient } from '@tanstack/react-query';
import type { Resource } from 'i18next';
import { type ReactElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  createBrowserRouter,
  createMemoryRouter,
  Navigate,
  type RouteObject,
  RouterProvider,
} from 'react-router';
import type { HeyApiClientLike } from '../api/api-provider.js';
import { createI18n } from '../i18n/create-i18n.js';
import type { LocaleSettings } from '../locale/locale-provider.js';
import { CodexionProviders } from './codexion-providers.js';
import { type AppModule, moduleResources } from './define-app-module.js';

export interface StandaloneAppOptions extends Partial<LocaleSettings> {
  /** the app's API root, e.g. `/api/sales` */
  apiBaseUrl: string;
  /** generated hey-api clients to point at `apiBaseUrl` */
  clients?: HeyApiClientLike[];
  /** replaces the global fetch (demos and tests with an in-memory API) */
  fetch?: typeof fetch;
  /** the session's permissions; everything when left out (the server enforces anyway) */
  permissions?: string[];
  /** the URL the app is served under, e.g. `/sales` */
  basename?: string;
  /** extra translations (language → namespace → catalog) */
  resources?: Resource;
  queryClient?: QueryClient;
  /** a memory router starting here instead of the browser's URL (tests, screenshots) */
  initialPath?: string;
}

export interface StandaloneApp {
  router: ReturnType<typeof createBrowserRouter>;
  /** the whole app, to render where you like (a test, a host page) */
  element: ReactElement;
  /** renders the app into a DOM element; returns the React root */
  mount: (element: Element) => Root;
}

/**
 * A standalone app of one module: the AppShell with the module's navigation, the API provider,
 * the module's routes (pages load lazily) and `/` sent to the first nav entry.
 *
 * @example
 * const app = createStandaloneApp(salesModule, { apiBaseUrl: '/api/sales', locale: 'de-DE', currency: 'EUR' });
 * app.mount(document.getElementById('root')!);
 */
export function createStandaloneApp(module: AppModule, options: StandaloneAppOptions): StandaloneApp {
  const {
    apiBaseUrl,
    clients,
    fetch: fetchImpl,
    permissions,
    basename,
    resources = {},
    queryClient,
    initialPath,
    ...locale
  } = options;
  const merged: Resource = { ...resources };
  for (const [language, namespaces] of Object.entries(moduleResources(module))) {
    merged[language] = { ...(merged[language] ?? {}), ...namespaces };
  }
  const i18n = createI18n({ locale: locale.locale ?? 'en-US', resources: merged });
  const first = module.nav[0]?.path;
  const routes: RouteObject[] = [
    {
      path: '/',
      // the layout loads like the pages do, in parallel with the first one: the entry chunk keeps
      // only what every page needs before it can draw anything (React, router, query, i18n)
      lazy: async () => {
        const { StandaloneShell } = await import('./standalone-shell.js');
        return { element: <StandaloneShell module={module} /> };
      },
      hydrateFallbackElement: (
        <div data-slot="shell-loading" className="min-h-svh bg-background" aria-busy="true" />
      ),
      children: [
        ...(first ? [{ index: true, element: <Navigate to={first} replace /> }] : []),
        ...module.routes,
      ],
    },
  ];
  const router = initialPath
    ? createMemoryRouter(routes, { initialEntries: [initialPath] })
    : createBrowserRouter(routes, { basename });
  const element = (
    <CodexionProviders
      apiBaseUrl={apiBaseUrl}
      clients={clients}
      fetch={fetchImpl}
      permissions={permissions}
      queryClient={queryClient}
      i18n={i18n}
      {...locale}
    >
      <RouterProvider router={router} />
    </CodexionProviders>
  );
  return {
    router,
    element,
    mount(container) {
      const root = createRoot(container);
      root.render(<StrictMode>{element}</StrictMode>);
      return root;
    },
  };
}
