import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import { clientIp } from '../identity/client-ip.js';
import { rateLimitHeaders } from '../identity/rate-limit.js';
import {
  memoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitRule,
  type RateLimitStore,
} from '../identity/rate-limit-store.js';
import type { AppEnv } from './app-env.js';
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

/**
 * Counts the protected operations of every app (and the framework's tenancy and audit APIs)
 * against one budget per credential: the API key, else the user, in the request's tenant; a
 * request without either (a kernel without authentication) by its client address. One budget
 * across all apps, so a credential cannot multiply it by spreading its calls.
 */
export interface OperationRateLimiter {
  /**
   * Counts an authenticated request: names the `RateLimit-*` headers for its answer, and throws
   * 429 `RATE_LIMITED` (with `retryAfter`, which the error handler turns into `Retry-After`) when
   * the budget is spent. Synchronous with an in-process store: the hot path makes no promise.
   */
  take(c: Context<AppEnv>): void | Promise<void>;
  /**
   * Counts a request refused before it was counted (no valid credential, a tenant it may not use)
   * against its client address, and names the headers for the refusal: see {@link countRefusal}.
   */
  takeRefused(c: Context<AppEnv>): void | Promise<void>;
}

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

/**
 * For a refusal of a rate-limited operation's request that was not counted yet (authentication or
 * the tenant refused it): counts it against the client address, so that guessing credentials is
 * limited too and the refusal carries the `RateLimit-*` headers the contract declares. Throws 429
 * `RATE_LIMITED` when that address has spent its budget. Does nothing elsewhere.
 *
 * @example
 * } catch (error) {
 *   await countRefusal(c);
 *   return authProblemOf(c, error);
 * }
 */
export async function countRefusal(c: Context<AppEnv>): Promise<void> {
  const limiter = c.get('rateLimiter');
  if (limiter === undefined || c.get('rateLimitHeaders') !== undefined) return;
  await limiter.takeRefused(c);
}
