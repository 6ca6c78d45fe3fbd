import type { QueryClient } from '@tanstack/react-query';
import type { Resource } from 'i18next';
import { type ReactElement, type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import {
  createBrowserRouter,
  createMemoryRouter,
  Navigate,
  type RouteObject,
  RouterProvider,
} from 'react-router';
import { createApiClients } from '../api/create-api-client.js';
import { createQueryClient } from '../api/create-query-client.js';
import { type AuthBrand, AuthBrandProvider } from '../auth/auth-brand.js';
import { loadSessionBasics } from '../auth/load-session.js';
import { createI18n } from '../i18n/create-i18n.js';
import type { LocaleSettings } from '../locale/locale-provider.js';
import { CodexionProviders, type CodexionProvidersProps } from './codexion-providers.js';
import { type AppModule, moduleResources } from './define-app-module.js';
import { StandaloneAuthProvider, useStandaloneAuth } from './standalone-auth.js';

export interface StandaloneAppOptions extends Partial<LocaleSettings> {
  /** the app's API root, as its generated client names it: `client.getConfig().baseUrl` */
  apiBaseUrl: string;
  /** replaces the global fetch (demos and tests with an in-memory API) */
  fetch?: typeof fetch;
  /**
   * whether people sign in, as in Cortex: a sign-in page at `/login` (password, the second step,
   * single sign-on), the session's user, tenant and permissions from `/api/auth/me`, a user menu
   * with sign-out. On unless false: tests and demos on an in-memory API without `/api/auth` turn
   * it off and give `permissions`.
   */
  signIn?: boolean;
  /** without sign-in: the permissions to show the pages for; everything when left out (the server enforces anyway) */
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

const noPermissions: string[] = [];
const shellLoading = <div data-slot="shell-loading" className="min-h-svh bg-background" aria-busy="true" />;

/** The module's title and icon on the sign-in pages. */
function ModuleBrand({ module, children }: { module: AppModule; children: ReactNode }) {
  const { t } = useTranslation(module.name);
  const name = t('title', { defaultValue: module.title });
  const brand = useMemo<AuthBrand>(
    () => ({ name, ...(module.icon ? { icon: module.icon } : {}) }),
    [name, module.icon],
  );
  return <AuthBrandProvider brand={brand}>{children}</AuthBrandProvider>;
}

/** The framework's providers with the signed-in session's permissions (none before it is known). */
function SessionProviders({ children, ...props }: Omit<CodexionProvidersProps, 'permissions'>) {
  const { data } = useStandaloneAuth();
  return (
    <CodexionProviders {...props} permissions={data?.permissions ?? noPermissions}>
      {children}
    </CodexionProviders>
  );
}

/**
 * A standalone app of one module: the AppShell with the module's navigation, the API provider,
 * the module's routes (pages load lazily) and `/` sent to the first nav entry. People sign in as
 * in Cortex (a page at `/login`, the session's tenant and permissions, sign-out in the user menu)
 * unless `signIn: false`.
 *
 * @example
 * const app = createStandaloneApp(salesModule, { apiBaseUrl: '/api/sales', locale: 'de-DE', currency: 'EUR' });
 * app.mount(document.getElementById('root')!);
 */
export function createStandaloneApp(module: AppModule, options: StandaloneAppOptions): StandaloneApp {
  const {
    apiBaseUrl,
    fetch: fetchImpl,
    signIn = true,
    permissions,
    basename,
    resources = {},
    queryClient = createQueryClient(),
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
    ...(signIn
      ? [
          {
            path: '/login',
            lazy: async () => {
              const { LoginPage } = await import('../auth/login-page.js');
              return { element: <LoginPage /> };
            },
            hydrateFallbackElement: shellLoading,
          },
        ]
      : []),
    {
      path: '/',
      // the layout loads like the pages do, in parallel with the first one: the entry chunk keeps
      // only what every page needs before it can draw anything (React, router, query, i18n)
      lazy: async () => {
        if (signIn) {
          const { SignedInStandaloneShell } = await import('./signed-in-standalone-shell.js');
          return { element: <SignedInStandaloneShell module={module} /> };
        }
        const { StandaloneShell } = await import('./standalone-shell.js');
        return { element: <StandaloneShell module={module} /> };
      },
      hydrateFallbackElement: shellLoading,
      children: [
        ...(first ? [{ index: true, element: <Navigate to={first} replace /> }] : []),
        ...module.routes,
      ],
    },
  ];
  const router = initialPath
    ? createMemoryRouter(routes, { initialEntries: [initialPath] })
    : createBrowserRouter(routes, { basename });
  const providers = {
    apiBaseUrl,
    fetch: fetchImpl,
    queryClient,
    i18n,
    ...locale,
  };
  const page = (
    <ModuleBrand module={module}>
      <RouterProvider router={router} />
    </ModuleBrand>
  );
  const element = signIn ? (
    <StandaloneAuthProvider
      clientFor={createApiClients({ fetch: fetchImpl })}
      load={loadSessionBasics}
      queryClient={queryClient}
      navigate={(to) => router.navigate(to, { replace: true })}
    >
      <SessionProviders {...providers}>{page}</SessionProviders>
    </StandaloneAuthProvider>
  ) : (
    <CodexionProviders {...providers} permissions={permissions}>
      {page}
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
