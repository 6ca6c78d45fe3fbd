import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import { billingOpenApi, recordId, tenantHeaders, testApp } from './http-test-app.test-helper.js';
import { defaultOperationRateLimit } from './operation-rate-limit.js';
import { memoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

const limited = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'];

/** Who asks: `X-Test-User`, or no one (401) when the header is absent. */
const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.req.header('x-test-user');
  if (user === undefined) throw new DomainError('UNAUTHENTICATED', 'Who are you?');
  c.set('userId', user);
  await next();
};

function limitedApp(limit: number, store?: RateLimitStore) {
  return testApp({
    rateLimit: { limit, windowMs: 60_000, ...(store === undefined ? {} : { store }) },
    user: (c) => c.get('userId'),
    // no auth routes: only the middleware in front of the operations matters here
    auth: { routes: new Hono<AppEnv>(), authenticate, openapi: billingOpenApi('auth') },
  }).app;
}

const get = (app: ReturnType<typeof limitedApp>, path: string, user?: string) =>
  app.request(path, { headers: tenantHeaders(user === undefined ? {} : { 'X-Test-User': user }) });

describe('the per-credential rate limit of operations', () => {
  it('is generous by default: 1200 a minute', () => {
    expect(defaultOperationRateLimit).toEqual({ limit: 1200, windowMs: 60_000 });
  });

  it('counts every answer of a credential, success and refusal alike, and refuses past the limit with 429', async () => {
    const app = limitedApp(3);
    const answers = [
      await get(app, '/api/billing/invoices', 'ada'),
      await get(app, `/api/billing/invoices/${recordId}?fields=nope`, 'ada'),
      await get(app, '/api/billing/invoices', 'ada'),
      await get(app, '/api/billing/invoices', 'ada'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200, 429]);
    for (const answer of answers) {
      for (const header of limited) expect(answer.headers.has(header), header).toBe(true);
    }
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0]?.headers.get('ratelimit-policy')).toBe('3;w=60;name="api"');
    const refused = answers[3];
    expect(refused?.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('keeps one budget per credential: another user is not refused', async () => {
    const app = limitedApp(1);
    expect((await get(app, '/api/billing/invoices', 'ada')).status).toBe(200);
    expect((await get(app, '/api/billing/invoices', 'ada')).status).toBe(429);
    expect((await get(app, '/api/billing/invoices', 'bob')).status).toBe(200);
  });

  it('counts a request refused before authentication against its client address, with the headers', async () => {
    const app = limitedApp(2);
    const answers = [
      await get(app, '/api/billing/invoices'),
      await get(app, '/api/billing/invoices'),
      await get(app, '/api/billing/invoices'),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 429]);
    for (const answer of answers) expect(answer.headers.get('ratelimit-limit')).toBe('2');
    // a signed-in user has a budget of its own
    expect((await get(app, '/api/billing/invoices', 'ada')).status).toBe(200);
  });

  it('works over a store that answers only asynchronously, as a shared one does', async () => {
    const store = memoryRateLimitStore();
    let asked = 0;
    const counting: RateLimitStore = {
      hit: (key, rule, now) => {
        asked += 1;
        return store.hit(key, rule, now);
      },
    };
    const app = limitedApp(1, counting);
    expect((await get(app, '/api/billing/invoices', 'ada')).status).toBe(200);
    expect((await get(app, '/api/billing/invoices', 'ada')).status).toBe(429);
    expect(asked).toBe(2);
  });

  it('sends no rate-limit header when turned off', async () => {
    const { app } = testApp({ rateLimit: false });
    const answer = await app.request('/api/billing/invoices', { headers: tenantHeaders() });
    expect(answer.status).toBe(200);
    for (const header of limited) expect(answer.headers.has(header)).toBe(false);
  });
});
