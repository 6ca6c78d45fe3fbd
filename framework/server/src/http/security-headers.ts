import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.js';

/**
 * CSP for JSON responses and the API reference page: everything from this origin only. The
 * reference (Scalar) injects its styles at runtime, hence `'unsafe-inline'` for styles (not
 * scripts); it shows images and fonts from data URLs and calls the API it documents.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Hono's `secureHeaders` with {@link contentSecurityPolicy}: HSTS, nosniff, no framing,
 * `Referrer-Policy: no-referrer`, same-origin resource policy. A header a handler already set
 * stays as it set it.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  // a handler that sets its own policy keeps it (the web UI's pages, see static-ui.ts)
  return secureHeaders({ contentSecurityPolicy, xFrameOptions: 'DENY', overwrite: false });
}
