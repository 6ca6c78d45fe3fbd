import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../foundation/load-config.js';
import { redisRateLimitStore } from '../http/redis-rate-limit-store.js';
import type { HttpServer } from '../http/serve.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { createKernel, type Kernel } from './boot.js';
import { kernelDatabase } from './kernel-database.test-helper.js';
import { logCapture } from './probe-app.test-helper.js';

/** Redis to share the counts in; these suites need it and say so when it is absent. */
const redisUrl = process.env.CODEXION_REDIS_URL;
const needsRedis = `(needs CODEXION_REDIS_URL, e.g. redis://127.0.0.1:6379${redisUrl === undefined ? ': not set, skipped' : ''})`;

describe('redis in the kernel config', () => {
  it('CODEXION_REDIS_URL and CODEXION_REDIS__URL both set redis.url; the config-style name wins', async () => {
    const root = await mkdtemp(join(tmpdir(), 'prefiq-redis-config-'));
    try {
      const plain = await loadConfig({
        root,
        env: { NODE_ENV: 'test', CODEXION_REDIS_URL: 'redis://a:6379' },
      });
      expect(plain.config.redis).toEqual({ url: 'redis://a:6379', keyPrefix: 'prefiq:rl:' });
      const both = await loadConfig({
        root,
        env: {
          NODE_ENV: 'test',
          CODEXION_REDIS_URL: 'redis://a:6379',
          CODEXION_REDIS__URL: 'redis://b:6379',
        },
      });
      expect(both.config.redis.url).toBe('redis://b:6379');
      await expect(
        loadConfig({ root, env: { NODE_ENV: 'test', CODEXION_REDIS_URL: 'http://a:6379' } }),
      ).rejects.toThrow(/redis\.url/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(redisUrl === undefined)(`the Redis rate-limit store ${needsRedis}`, () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const client of clients) await client.quit();
  });
  const client = async () => {
    const made = new Redis(redisUrl ?? '', { lazyConnect: true });
    clients.push(made);
    // until it is ready the store counts in memory (its fallback): connected first
    await made.connect();
    return made;
  };

  it('two stores on two connections share one count: a limit of 5 is 5 across both', async () => {
    const keyPrefix = `prefiq:test:${randomBytes(6).toString('hex')}:`;
    const nodeA = redisRateLimitStore({ client: await client(), keyPrefix });
    const nodeB = redisRateLimitStore({ client: await client(), keyPrefix });
    const rule = { limit: 5, windowMs: 60_000 };
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? nodeA : nodeB).hit('user:1:tenant', rule)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
    expect(refused?.retryAfterMs).toBeGreaterThan(0);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(60_000);
    // another key has its own budget
    expect((await nodeB.hit('user:2:tenant', rule)).allowed).toBe(true);
  });
});

describe.skipIf(redisUrl === undefined)(`two nodes on one database and one Redis ${needsRedis}`, () => {
  const limit = 10;
  const nodes: { kernel: Kernel; server: HttpServer }[] = [];
  let root: string;
  let drop: () => Promise<void> = async () => undefined;
  const logs = logCapture();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'prefiq-two-nodes-'));
    // on PostgreSQL both nodes share one database; on PGlite (one process per data folder) each
    // has its own, and the count they share is Redis's either way
    const database = await kernelDatabase('two_nodes');
    drop = database.drop;
    const keyPrefix = `prefiq:test:${randomBytes(6).toString('hex')}:`;
    for (let i = 0; i < 2; i++) {
      const kernel = createKernel({
        root,
        plugins: [await salesPlugin()],
        env: { NODE_ENV: 'test', CODEXION_REDIS_URL: redisUrl, ...database.env },
        overrides: { redis: { keyPrefix }, http: { rateLimit: { enabled: true, limit, windowMs: 60_000 } } },
        logDestination: logs.stream,
      });
      // one after the other: the second finds the first's migrations applied
      await kernel.boot();
      nodes.push({ kernel, server: await kernel.listen({ port: 0 }) });
    }
  }, 120_000);

  afterAll(async () => {
    for (const { kernel } of nodes) await kernel.shutdown();
    await drop();
    await rm(root, { recursive: true, force: true });
  }, 30_000);

  it(`a rate limit of ${limit} is ${limit} across both nodes`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3 * limit; i++) {
      const { server } = nodes[i % 2] ?? {};
      const response = await fetch(`${server?.url}/api/sales/accounts`);
      await response.arrayBuffer();
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * limit);
    // both nodes answered and both refused: the budget was one
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(200));
    expect(new Set(statuses.slice(limit))).toEqual(new Set([429]));
  });
});
