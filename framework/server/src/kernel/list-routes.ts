import type { OpenApiDocument } from '@codexion/schema';
import { auditApiName, auditOpenApi, eventsApiName, eventsOpenApi } from '../http/framework-apis.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';

/** One route the kernel serves; `plugin` is absent on the framework's own. */
export interface RouteEntry {
  method: string;
  path: string;
  operationId?: string;
  plugin?: string;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The routes a boot serves on the app port: the framework's (health, metrics unless they are
 * elsewhere or off, documents, docs page, audit, events) and each plugin's operations under its base path, in plugin order then path order.
 *
 * @example
 * listRoutes(registry.plugins, { docs: true })
 * // [{ method: 'GET', path: '/healthz' }, ..., { method: 'GET', path: '/api/sales/accounts', operationId: 'listAccounts', plugin: 'sales' }]
 */
export function listRoutes(
  plugins: readonly RegisteredPlugin[],
  { docs = true, metrics = true }: { docs?: boolean; metrics?: boolean } = {},
): RouteEntry[] {
  const routes: RouteEntry[] = [
    { method: 'GET', path: '/healthz' },
    { method: 'GET', path: '/readyz' },
    ...(metrics ? [{ method: 'GET', path: '/metrics' }] : []),
    { method: 'GET', path: '/api/openapi.json' },
    ...(docs ? [{ method: 'GET', path: '/api/docs' }] : []),
    ...operationRoutes(`/api/${auditApiName}`, auditOpenApi.paths),
    ...operationRoutes(`/api/${eventsApiName}`, eventsOpenApi.paths),
  ];
  for (const plugin of plugins) {
    routes.push({ method: 'GET', path: `${plugin.basePath}/openapi.json`, plugin: plugin.name });
    routes.push(...operationRoutes(plugin.basePath, plugin.openapi.paths, plugin.name));
  }
  return routes;
}

/** The operations of a document under its base path, by path then method. */
function operationRoutes(basePath: string, paths: OpenApiDocument['paths'], plugin?: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const sorted = Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, item] of sorted) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      routes.push({
        method: method.toUpperCase(),
        path: `${basePath}${path}`,
        operationId: operation.operationId,
        ...(plugin === undefined ? {} : { plugin }),
      });
    }
  }
  return routes;
}
