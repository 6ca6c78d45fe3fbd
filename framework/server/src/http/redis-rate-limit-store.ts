import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';

export interface RedisRateLimitStoreOptions {
  /** an ioredis client; the store does not close it */
  client: Redis;
  /** put before every key, so several deployments can share one Redis; `prefiq:rl:` unless given */
  keyPrefix?: string;
}

/**
 * Rate-limit counts in Redis, shared by every node (rate-limiter-flexible's `RateLimiterRedis`:
 * one Lua script per hit, so concurrent hits from several nodes never over-count or lose one). A
 * limit of N is N across the deployment. Windows are fixed (they start at a key's first hit),
 * where the in-memory store slides; a refused hit is counted, which changes nothing but
 * `remaining` (already 0). When Redis cannot answer, each node falls back to counting in its own
 * memory (the library's insurance limiter) rather than failing the request.
 *
 * @example
 * const store = redisRateLimitStore({ client: new Redis('redis://127.0.0.1:6379') });
 * await store.hit('user:42:tenant', { limit: 1200, windowMs: 60_000 });
 */
export function redisRateLimitStore({
  client,
  keyPrefix = 'prefiq:rl:',
}: RedisRateLimitStoreOptions): RateLimitStore {
  // one limiter per rule: the library fixes points and duration per instance
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = ({ limit, windowMs }: RateLimitRule): RateLimiterRedis => {
    const id = `${limit}:${windowMs}`;
    let limiter = limiters.get(id);
    if (limiter === undefined) {
      const duration = Math.max(1, Math.ceil(windowMs / 1000));
      limiter = new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${keyPrefix}${id}`,
        points: limit,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: limit, duration }),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  const decision = (limit: number, result: RateLimiterRes, allowed: boolean): RateLimitDecision => ({
    allowed,
    limit,
    remaining: Math.max(0, result.remainingPoints),
    resetMs: Math.max(0, result.msBeforeNext),
    retryAfterMs: allowed ? 0 : Math.max(1, result.msBeforeNext),
  });
  return {
    async hit(key, rule) {
      try {
        return decision(rule.limit, await limiterFor(rule).consume(key, 1), true);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return decision(rule.limit, refusal, false);
        throw refusal;
      }
    },
  };
}
