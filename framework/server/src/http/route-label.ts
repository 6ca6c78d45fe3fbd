import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/** Label of requests no route matched: one series for all of them, whatever their URL. */
export const unmatchedRoute = 'unmatched';

/**
 * The route a request is counted and logged under: the OpenAPI template the router set, else the
 * Hono pattern of the route that answered (for routes added outside the router), never the raw
 * URL, whose ids would make one metric series per record.
 *
 * @example
 * routeLabel(c); // '/api/sales/accounts/{id}'
 */
export function routeLabel(c: Context<AppEnv>): string {
  const template = c.get('routeTemplate');
  if (template !== undefined) return template;
  const pattern = c.req.routePath;
  return pattern === undefined || pattern === '' || pattern.endsWith('*') ? unmatchedRoute : pattern;
}
