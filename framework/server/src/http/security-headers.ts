import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { carriesStandardHeaders, standardResponseHeaders } from './response-headers.js';

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
 * The headers Hono's `secureHeaders` sets with {@link contentSecurityPolicy}, `X-Frame-Options:
 * DENY` and the rest of its defaults (a test keeps the two equal): HSTS, nosniff, no framing,
 * `Referrer-Policy: no-referrer`, same-origin resource policy.
 */
export const securityHeaderValues: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(contentSecurityPolicy)
    .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/**
 * What a cache may keep of an answer whose handler does not say: nothing. Answers to requests with
 * credentials (session cookie, bearer token, API key) carry a tenant's data, and neither a shared
 * cache nor the browser's disk may hold them; problems and the probes too. The handlers of public,
 * unchanging content say otherwise themselves: the UI's files (static-ui.ts), the JWKS, the API
 * reference's script.
 */
export const defaultCacheControl: Readonly<Record<string, string>> = { 'cache-control': 'no-store' };

const defaultEntries = [...Object.entries(securityHeaderValues), ...Object.entries(defaultCacheControl)];

/**
 * {@link securityHeaderValues} and {@link defaultCacheControl} on every response. A header a
 * handler already set stays as it set it (the web UI's pages set their own policy and caching, see
 * static-ui.ts), and `X-Powered-By` goes, as with Hono's `secureHeaders`. A handler that builds its
 * response with `jsonResponse` carries them already.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    standardResponseHeaders(c, securityHeaderValues);
    standardResponseHeaders(c, defaultCacheControl);
    await next();
    if (carriesStandardHeaders(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of defaultEntries) if (!headers.has(name)) headers.set(name, value);
    headers.delete('x-powered-by');
  };
}
