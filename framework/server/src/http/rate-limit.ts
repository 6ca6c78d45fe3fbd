import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import { problemFor, problemResponse } from './problem.js';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';

export interface RateLimitOptions extends RateLimitRule {
  store: RateLimitStore;
  /** what is counted together: the client address by default */
  key: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string;
  /** a name for the policy in `RateLimit-Policy` */
  name?: string;
}

/**
 * IETF rate-limit headers (draft-ietf-httpapi-ratelimit-headers, the widely deployed
 * `RateLimit-Limit/Remaining/Reset` form, plus `RateLimit-Policy`); `Reset` in seconds.
 */
export function rateLimitHeaders(decision: RateLimitDecision, windowMs: number, name = 'default') {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(Math.ceil(decision.resetMs / 1000)),
    'RateLimit-Policy': `${decision.limit};w=${Math.ceil(windowMs / 1000)};name="${name}"`,
  };
}

/**
 * Limits requests per key; a refused one is a 429 problem with `Retry-After` (seconds), and every
 * answer carries the rate-limit headers.
 *
 * @example
 * app.use('/api/auth/*', rateLimit({ store: memoryRateLimitStore(), limit: 60, windowMs: 60_000, key: (c) => clientIp(c) }));
 */
export function rateLimit({
  store,
  limit,
  windowMs,
  key,
  name = 'auth',
}: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await store.hit(key(c), { limit, windowMs });
    const headers = rateLimitHeaders(decision, windowMs, name);
    if (!decision.allowed) {
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      const error = new DomainError('RATE_LIMITED', `Too many requests: try again in ${retryAfter} s`, {
        extensions: { retryAfter },
      });
      return problemResponse(problemFor(c, error), { ...headers, 'Retry-After': String(retryAfter) });
    }
    await next();
    for (const [header, value] of Object.entries(headers)) c.res.headers.set(header, value);
  };
}
