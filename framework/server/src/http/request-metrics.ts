import type { MiddlewareHandler } from 'hono';
import type { Metrics } from '../observability/metrics.js';
import type { AppEnv } from './app-env.js';
import { routeLabel } from './route-label.js';

/**
 * Records `http_request_duration_seconds` by route template, method and status, and
 * `http_requests_in_flight`.
 *
 * @example
 * app.use(requestMetrics(createMetrics()));
 */
export function requestMetrics(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    metrics.httpRequestsInFlight.inc();
    try {
      await next();
    } finally {
      metrics.httpRequestsInFlight.dec();
      metrics.httpRequestDuration.observe(
        { route: routeLabel(c), method: c.req.method, status: String(c.res.status) },
        (performance.now() - started) / 1000,
      );
    }
  };
}
