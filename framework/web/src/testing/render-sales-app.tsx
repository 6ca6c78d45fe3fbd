import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createStandaloneApp } from '../module/create-standalone-app.js';
import type { AppModule } from '../module/define-app-module.js';
import { createFakeApi } from './fake-api.js';
import { salesCatalog } from './sales-fixture.js';
import { salesModule } from './sales-module.js';
import { seedSales } from './seed-sales.js';

export interface RenderSalesAppOptions {
  path: string;
  permissions?: string[];
  locale?: string;
  records?: Record<string, Record<string, unknown>[]>;
  maxPageSize?: number;
  translations?: AppModule['translations'];
}

/** The sales fixture as a standalone app on an in-memory API, rendered at `path`. */
export function renderSalesApp({
  path,
  permissions,
  locale = 'en-US',
  records,
  maxPageSize,
  translations,
}: RenderSalesAppOptions) {
  const catalog = salesCatalog();
  const api = createFakeApi({ catalog, records: records ?? seedSales(), maxPageSize });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const app = createStandaloneApp(salesModule(catalog, translations), {
    apiBaseUrl: '/api/sales',
    // looked up per call, so a test can put a failing server in its place
    fetch: (input, init) => api.fetch(input, init),
    // the fake API has no /api/auth: the pages show for these permissions
    signIn: false,
    permissions,
    locale,
    timeZone: 'UTC',
    currency: 'EUR',
    initialPath: path,
    queryClient,
  });
  const view = render(app.element);
  return { ...view, api, router: app.router, catalog, queryClient };
}

/** Requests the fake API has seen, as `METHOD path?query`, for readable assertions. */
export function requestLines(api: { requests: { method: string; url: string }[] }): string[] {
  return api.requests.map((request) => `${request.method} ${decodeURIComponent(request.url)}`);
}
