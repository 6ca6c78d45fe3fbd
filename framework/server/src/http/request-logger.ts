import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { lazyChild, logThrough } from '../observability/lazy-logger.js';
import type { AppEnv } from './app-env.js';
import { routeLabel } from './route-label.js';

/** Probes and scrapes: every few seconds, all day; their successes are logged at debug only. */
export const defaultQuietRoutes = ['/healthz', '/readyz', '/metrics'];

export interface RequestLoggerOptions {
  /** route templates whose successful requests are logged at debug, not info */
  quietRoutes?: readonly string[];
}

/**
 * Gives the request a child logger bound to its `request_id` and `trace_id` (the tenant context
 * adds `tenant`, `user_id`, `module`), and writes one access line when it ends: method, route
 * template, status, duration. Needs `requestId` and `traceId` set before it.
 *
 * @example
 * app.use(requestId(), requestTrace(), requestLogger(logger));
 */
export function requestLogger(
  logger: Logger,
  { quietRoutes = defaultQuietRoutes }: RequestLoggerOptions = {},
): MiddlewareHandler<AppEnv> {
  const quiet = new Set(quietRoutes);
  return async (c, next) => {
    const started = performance.now();
    // made on first use: the access line below is written without it
    c.set('logger', lazyChild(logger, { request_id: c.get('requestId'), trace_id: c.get('traceId') }));
    try {
      await next();
    } finally {
      const status = c.res.status;
      const line = {
        method: c.req.method,
        route: routeLabel(c),
        path: c.req.path,
        status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      };
      const level = status >= 500 ? 'error' : status < 400 && quiet.has(line.route) ? 'debug' : 'info';
      logThrough(c.get('logger'), level, line, 'request completed');
    }
  };
}
