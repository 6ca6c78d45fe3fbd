import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { EntityCatalog } from '../entity/define-entities.js';
import { createStandaloneApp } from '../module/create-standalone-app.js';
import type { AppModule } from '../module/define-app-module.js';
import { createFakeApi, type FakeRoute } from './fake-api.js';

export interface RenderModuleOptions {
  module: AppModule;
  catalog: EntityCatalog;
  /** where the app opens, e.g. `/notes` */
  path: string;
  /** seed records by resource segment */
  records?: Record<string, Record<string, unknown>[]>;
  permissions?: string[];
  locale?: string;
  /** the app's actions the fake API should answer */
  routes?: FakeRoute[];
}

/**
 * Any app's module as a standalone app on the in-memory fake API, rendered at `path`: what an
 * app's own `src/` tests use to check its pages without a server.
 *
 * @example
 * const { findByRole, api } = renderModule({ module, catalog: entities, path: '/notes' });
 */
export function renderModule({
  module,
  catalog,
  path,
  records = {},
  permissions,
  locale = 'en-US',
  routes,
}: RenderModuleOptions) {
  const api = createFakeApi({ catalog, records, ...(routes ? { routes } : {}) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const app = createStandaloneApp(module, {
    apiBaseUrl: `/api/${catalog.app}`,
    fetch: (input, init) => api.fetch(input, init),
    // the fake API has no /api/auth: the pages show for these permissions
    signIn: false,
    permissions: permissions ?? [`${catalog.app}:*`],
    locale,
    timeZone: 'UTC',
    currency: 'EUR',
    initialPath: path,
    queryClient,
  });
  return { ...render(app.element), api, router: app.router, queryClient };
}
