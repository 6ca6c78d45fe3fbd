import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './app-env.js';

export interface CorsPolicyOptions {
  /** origins allowed to call the API from a browser (`https://admin.example.com`); none: same origin only */
  origins?: readonly string[];
  /** allow cookies; cannot go with the `*` origin */
  credentials?: boolean;
}

/** Request headers a browser client may send cross-origin. */
const allowHeaders = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'X-Request-Id',
  'X-Codexion-Tenant',
  'X-CSRF-Token',
  'X-API-Key',
  'traceparent',
  'tracestate',
];
/** Response headers a browser client may read cross-origin. */
const exposeHeaders = [
  'ETag',
  'Location',
  'Retry-After',
  'X-Request-Id',
  'traceparent',
  'WWW-Authenticate',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

/**
 * CORS for the configured origins, with credentials. Without origins it adds nothing, so only
 * same-origin pages can read responses.
 *
 * @throws {Error} when `*` is combined with credentials, which browsers refuse anyway
 *
 * @example
 * app.use(corsPolicy({ origins: ['http://localhost:5173'] }));
 */
export function corsPolicy({
  origins = [],
  credentials = true,
}: CorsPolicyOptions = {}): MiddlewareHandler<AppEnv> {
  if (origins.length === 0) return (_c, next) => next();
  if (origins.includes('*') && credentials) {
    throw new Error('CORS: the "*" origin cannot be combined with credentials; list the origins instead');
  }
  const handler = cors({
    origin: origins.includes('*') ? '*' : [...origins],
    credentials,
    allowHeaders,
    exposeHeaders,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  return (c, next) => {
    // Hono's cors answers every OPTIONS; only a preflight (it names the method) is CORS's business
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') === undefined)
      return next();
    return handler(c, next);
  };
}
