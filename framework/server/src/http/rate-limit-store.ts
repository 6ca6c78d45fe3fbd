/** One limit: at most `limit` hits per `windowMs`. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** hits left in the current window after this one */
  remaining: number;
  /** milliseconds until the window's count is back to zero */
  resetMs: number;
  /** when refused: milliseconds until a hit would be allowed */
  retryAfterMs: number;
}

/**
 * Where rate-limit counts live. In memory for one node ({@link memoryRateLimitStore}); a shared
 * store (Redis: the same arithmetic in a Lua script) for several nodes.
 */
export interface RateLimitStore {
  /** counts one hit for `key` unless it is over the limit; refused hits are not counted */
  hit(key: string, rule: RateLimitRule, now?: number): Promise<RateLimitDecision>;
  /**
   * The same, answered at once: a store that keeps its counts in this process offers it, so a
   * limiter in front of every request costs no promise. A shared store (Redis) leaves it out.
   */
  hitNow?(key: string, rule: RateLimitRule, now?: number): RateLimitDecision;
}

interface Window {
  start: number;
  current: number;
  previous: number;
  /** the rule's window: keys of several rules share the map, and each is swept by its own */
  windowMs: number;
}

/**
 * A sliding-window counter in memory: the previous fixed window's count weighted by how much of
 * it still overlaps the sliding window, plus the current window's count. A burst from a new key
 * gets exactly `limit` through; stale keys are swept as the map grows.
 *
 * @example
 * const store = memoryRateLimitStore();
 * const decision = await store.hit('ip:203.0.113.7', { limit: 60, windowMs: 60_000 });
 * decision.allowed; // true for the first 60 in a minute
 */
export function memoryRateLimitStore({ maxKeys = 100_000 } = {}): RateLimitStore {
  const windows = new Map<string, Window>();
  const sweep = (now: number) => {
    for (const [key, w] of windows) if (now - w.start >= 2 * w.windowMs) windows.delete(key);
  };
  const hitNow = (key: string, { limit, windowMs }: RateLimitRule, now = Date.now()): RateLimitDecision => {
    if (windows.size >= maxKeys) sweep(now);
    const start = now - (now % windowMs);
    let w = windows.get(key);
    if (w === undefined) {
      w = { start, current: 0, previous: 0, windowMs };
      windows.set(key, w);
    } else if (w.start !== start) {
      w.previous = start - w.start === windowMs ? w.current : 0;
      w.current = 0;
      w.start = start;
    }
    const overlap = 1 - (now - start) / windowMs;
    const estimate = w.previous * overlap + w.current;
    if (estimate + 1 > limit) {
      // the estimate falls as the previous window slides out; when that is not enough, wait for the next window
      const needed = estimate + 1 - limit;
      const slide = w.previous > 0 ? (needed / w.previous) * windowMs : Number.POSITIVE_INFINITY;
      const retryAfterMs = Math.min(Math.ceil(slide), start + windowMs - now);
      return {
        allowed: false,
        limit,
        remaining: 0,
        resetMs: start + windowMs - now,
        retryAfterMs: Math.max(1, retryAfterMs),
      };
    }
    w.current += 1;
    return {
      allowed: true,
      limit,
      remaining: Math.max(0, Math.floor(limit - estimate - 1)),
      resetMs: start + windowMs - now,
      retryAfterMs: 0,
    };
  };
  return {
    hitNow,
    async hit(key, rule, now) {
      return hitNow(key, rule, now);
    },
  };
}
