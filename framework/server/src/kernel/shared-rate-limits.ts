import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Container } from '../foundation/container.js';
import { createToken } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { KernelError } from '../foundation/kernel-error.js';
import { redactUrlPassword } from '../foundation/redact-config.js';
import type { RateLimitStore } from '../http/rate-limit-store.js';
import { redisRateLimitStore } from '../http/redis-rate-limit-store.js';

/** The rate-limit store every limiter of the node counts in, when it is shared (`redis.url`). */
export const SharedRateLimitStoreToken = createToken<RateLimitStore>('kernel.sharedRateLimitStore');

/**
 * With `redis.url`: connects to Redis and returns the store every rate limit of the node counts
 * in (HTTP, public operations, sign-in, mail), so a limit of N is N across nodes; the client is
 * closed with the container. Without it: `undefined`, each limiter keeps its counts in memory.
 *
 * @throws {KernelError} BOOT_FAILED when Redis does not answer at boot
 */
export async function sharedRateLimits(
  config: KernelConfig,
  container: Container,
  logger: Logger,
): Promise<RateLimitStore | undefined> {
  const { url, keyPrefix } = config.redis;
  if (url === undefined) return undefined;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  // reconnects are the client's; a node without Redis counts in memory meanwhile (see the store)
  client.on('error', (error: Error) => logger.warn({ module: 'redis', err: error.message }, 'redis error'));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new KernelError(
      'BOOT_FAILED',
      `redis.url ${redactUrlPassword(url)} does not answer (${(error as Error).message}): start Redis or remove redis.url to count rate limits in memory`,
    );
  }
  const store = redisRateLimitStore({ client, keyPrefix });
  container.value(SharedRateLimitStoreToken, store, {
    dispose: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  });
  return store;
}
