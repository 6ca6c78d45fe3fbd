import type { RouterRoute } from 'hono/types';

/** A registered route as Hono lists it in `app.routes`. */
type Route = Pick<RouterRoute, 'method' | 'path'>;

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Finds which methods a path answers to, to tell 405 (the path exists, with other methods) from
 * 404 and fill the `Allow` header. Middleware (`ALL`) does not count.
 *
 * @example
 * const allowed = allowedMethods(app.routes);
 * allowed('/api/sales/accounts/42'); // ['DELETE', 'GET', 'HEAD', 'PATCH']
 */
export function allowedMethods(routes: readonly Route[]): (path: string) => string[] {
  const compiled = routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ method: route.method.toUpperCase(), pattern: patternOf(route.path) }));
  return (path) => {
    const methods = new Set(
      compiled.filter((route) => route.pattern.test(path)).map((route) => route.method),
    );
    // Hono answers HEAD with the GET route
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
