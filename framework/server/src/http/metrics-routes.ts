import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { Metrics } from '../observability/metrics.js';
import type { AppEnv } from './app-env.js';
import { problemErrorHandler, problemFor, problemResponse } from './problem.js';
import { requestId } from './request-id.js';
import { securityHeaders } from './security-headers.js';

/**
 * Who may read `/metrics`: anyone who reaches it (`{}`), or only with `Authorization: Bearer
 * <token>` (a Prometheus scrape config's `authorization.credentials`).
 */
export interface MetricsAccess {
  token?: string;
}

export interface MetricsRoutesOptions extends MetricsAccess {
  metrics: Metrics;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, which have one length whatever was sent, so the time taken says nothing of the token. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
}

/**
 * `GET /metrics`: the Prometheus exposition of the kernel's registry, behind a bearer token when
 * one is given (401 problem+json with `WWW-Authenticate` without it or with another).
 *
 * @example
 * app.route('/', metricsRoutes({ metrics, token: config.metrics.token }));
 */
export function metricsRoutes({ metrics, token }: MetricsRoutesOptions): Hono<AppEnv> {
  const expected = token === undefined ? undefined : digest(token);
  const routes = new Hono<AppEnv>();
  routes.get('/metrics', async (c) => {
    c.set('routeTemplate', '/metrics');
    if (expected !== undefined && !bearerMatches(c.req.header('authorization'), expected)) {
      const error = new DomainError(
        'UNAUTHENTICATED',
        'The metrics need the token of metrics.token: send Authorization: Bearer <token>',
      );
      return problemResponse(problemFor(c, error), { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
  return routes;
}

/**
 * The app of the metrics listener (`metrics.port`): `/metrics` only, with the security headers and
 * problem+json for anything else, apart from the API's port so that only the network that may
 * scrape reaches it.
 *
 * @example
 * const server = await serve(metricsApp({ metrics }), { hostname: '10.0.0.5', port: 9464 });
 */
export function metricsApp(options: MetricsRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId(), securityHeaders());
  app.route('/', metricsRoutes(options));
  app.notFound((c) =>
    problemResponse(
      problemFor(c, new DomainError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)),
    ),
  );
  app.onError(problemErrorHandler());
  return app;
}
