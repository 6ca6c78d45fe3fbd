import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv, OperationRateLimiter } from './app-env.js';
import { clientIp } from './client-ip.js';
import { rateLimitHeaders } from './rate-limit.js';
import {
  memoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitRule,
  type RateLimitStore,
} from './rate-limit-store.js';
import { standardResponseHeaders } from './response-headers.js';

/** How often one credential may call the API's protected operations. */
export interface OperationRateLimit extends RateLimitRule {
  /** in memory unless given (a shared store for several nodes) */
  store?: RateLimitStore;
}

/**
 * 1200 calls a minute (20 a second on average, bursts of the whole minute's worth) per credential
 * in a tenant: far above what a person clicking through the console or a well-behaved integration
 * sends, low enough that one runaway client cannot take the server for itself.
 */
export const defaultOperationRateLimit: RateLimitRule = { limit: 1200, windowMs: 60_000 };

/** The policy's name in `RateLimit-Policy`. */
export const operationRateLimitName = 'api';

export type { OperationRateLimiter } from './app-env.js';

function credentialKey(c: Context<AppEnv>, trustProxyHops: number): string {
  const principal = c.get('principal');
  const tenant = c.get('tenantId') ?? '-';
  if (principal?.kind === 'api_key') return `key:${principal.key.id}:${tenant}`;
  const user = c.get('userId');
  if (user !== undefined) return `user:${user}:${tenant}`;
  return `ip:${clientIp(c, trustProxyHops)}:${tenant}`;
}

/**
 * The limiter of {@link OperationRateLimiter} over `store`.
 *
 * @example
 * const limiter = operationRateLimiter({ limit: 1200, windowMs: 60_000 });
 * // in a protected route, after authentication: limiter.take(c);
 */
export function operationRateLimiter(
  { store = memoryRateLimitStore(), limit, windowMs }: OperationRateLimit,
  { trustProxyHops = 0 }: { trustProxyHops?: number } = {},
): OperationRateLimiter {
  const rule: RateLimitRule = { limit, windowMs };
  const decide = (c: Context<AppEnv>, decision: RateLimitDecision): void => {
    const headers = rateLimitHeaders(decision, windowMs, operationRateLimitName);
    c.set('rateLimitHeaders', headers);
    // a handler's jsonResponse carries them; other answers get them from the router or the error handler
    standardResponseHeaders(c, headers);
    if (!decision.allowed) {
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new DomainError('RATE_LIMITED', `Too many requests: try again in ${retryAfter} s`, {
        extensions: { retryAfter },
      });
    }
  };
  const count = (c: Context<AppEnv>, key: string): void | Promise<void> => {
    if (store.hitNow !== undefined) return decide(c, store.hitNow(key, rule));
    return store.hit(key, rule).then((decision) => decide(c, decision));
  };
  return {
    take: (c) => count(c, credentialKey(c, trustProxyHops)),
    takeRefused: (c) => count(c, `refused:${clientIp(c, trustProxyHops)}`),
  };
}
