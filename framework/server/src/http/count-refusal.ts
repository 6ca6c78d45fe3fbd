import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

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
