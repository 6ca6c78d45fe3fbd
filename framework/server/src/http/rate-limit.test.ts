import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityTestApp } from '../identity/identity-test-app.test-helper.js';
import { memoryRateLimitStore } from './rate-limit-store.js';

describe('memoryRateLimitStore', () => {
  it('lets a new key burst to the limit, then slides the previous window out', async () => {
    const store = memoryRateLimitStore();
    const rule = { limit: 10, windowMs: 1000 };
    const at = (now: number) => store.hit('k', rule, now);
    const first = [];
    for (let i = 0; i < 12; i += 1) first.push(await at(10_000 + i));
    expect(first.filter((d) => d.allowed)).toHaveLength(10);
    expect(first[9]).toMatchObject({ allowed: true, remaining: 0 });
    expect(first[10]).toMatchObject({ allowed: false, remaining: 0 });
    expect(first[10]?.retryAfterMs).toBeGreaterThan(0);
    expect(first[10]?.retryAfterMs).toBeLessThanOrEqual(1000);
    // half-way through the next window half of the previous one still counts: 5 more fit
    const later = [];
    for (let i = 0; i < 7; i += 1) later.push(await at(11_500 + i));
    expect(later.filter((d) => d.allowed)).toHaveLength(5);
    // two windows on, the slate is clean
    expect((await at(13_000)).remaining).toBe(9);
    // keys do not share counts
    expect((await store.hit('other', rule, 10_005)).allowed).toBe(true);
  });
});

describe('memoryRateLimitStore with rules of different windows', () => {
  it('sweeps each key by its own window, so a long count outlives a flood of short ones', async () => {
    const store = memoryRateLimitStore({ maxKeys: 50 });
    const hourly = { limit: 2, windowMs: 3_600_000 };
    const start = 7_200_000;
    expect((await store.hit('mail:a', hourly, start)).allowed).toBe(true);
    expect((await store.hit('mail:a', hourly, start + 1)).allowed).toBe(true);
    // ten minutes later the map fills with per-minute keys and gets swept
    for (let i = 0; i < 60; i += 1)
      await store.hit(`ip:${i}`, { limit: 60, windowMs: 60_000 }, start + 600_000);
    expect((await store.hit('mail:a', hourly, start + 600_001)).allowed).toBe(false);
  });
});

describe('the /api/auth rate limit', () => {
  let t: Awaited<ReturnType<typeof identityTestApp>>;
  const limit = 100;

  beforeAll(async () => {
    t = await identityTestApp({
      overrides: { auth: { rateLimit: { enabled: true, limit, windowMs: 60_000 } } },
    });
  }, 60_000);
  afterAll(() => t?.dispose());

  it('accepts the limit (±1%) of a burst twice as big, and every refusal says when to retry', async () => {
    const burst = 2 * limit;
    const responses = await Promise.all(
      Array.from({ length: burst }, () =>
        t.app.request('/api/auth/me', { headers: { 'X-Forwarded-For': '192.0.2.50' } }),
      ),
    );
    const refused = responses.filter((r) => r.status === 429);
    const accepted = responses.length - refused.length;
    console.log(
      `rate limit: limit ${limit}/60 s, burst ${burst}: ${accepted} accepted, ${refused.length} refused (429), ` +
        `every refusal with Retry-After: ${refused.every((r) => r.headers.has('retry-after'))}`,
    );
    expect(accepted).toBeGreaterThanOrEqual(Math.floor(limit * 0.99));
    expect(accepted).toBeLessThanOrEqual(Math.ceil(limit * 1.01));
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
      expect(response.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(response.headers.get('ratelimit-policy')).toBe(`${limit};w=60;name="auth"`);
      expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    }
    const passed = responses.find((r) => r.status !== 429);
    expect(passed?.headers.get('ratelimit-limit')).toBe(String(limit));
    // another client is not affected, and the public keys are never limited
    expect(
      (await t.app.request('/api/auth/me', { headers: { 'X-Forwarded-For': '192.0.2.51' } })).status,
    ).toBe(401);
    const jwks = await t.app.request('/api/auth/.well-known/jwks.json', {
      headers: { 'X-Forwarded-For': '192.0.2.50' },
    });
    expect(jwks.status).toBe(200);
  });

  it('serves the JWKS: the public signing key only, cacheable', async () => {
    const response = await t.app.request('/api/auth/.well-known/jwks.json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: t.identity.context.keys.signer.kid,
    });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
