import { describe, expect, it } from 'vitest';
import { createMetrics } from '../observability/metrics.js';
import { testApp } from './http-test-app.test-helper.js';
import { metricsApp } from './metrics-routes.js';

const token = 'a-scrape-token-of-at-least-32-characters';

describe('/metrics', () => {
  it('serves the Prometheus exposition of the kernel registry, process metrics included', async () => {
    const { app } = testApp();
    const { app: withProcess } = testApp({ metrics: createMetrics() });
    const response = await withProcess.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(await (await app.request('/metrics')).text()).not.toContain('process_cpu_user_seconds_total');
  });

  it('with a token, answers only a request that brings it as a bearer token', async () => {
    const { app } = testApp({ metricsAccess: { token } });
    const refusals = {
      none: await app.request('/metrics'),
      wrong: await app.request('/metrics', { headers: { Authorization: `Bearer ${token}x` } }),
      prefix: await app.request('/metrics', { headers: { Authorization: `Bearer ${token.slice(0, 8)}` } }),
      basic: await app.request('/metrics', { headers: { Authorization: `Basic ${token}` } }),
    };
    for (const [name, response] of Object.entries(refusals)) {
      expect(response.status, name).toBe(401);
      expect(response.headers.get('content-type'), name).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate'), name).toBe('Bearer realm="metrics"');
      expect(await response.json(), name).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
    const allowed = await app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('http_request_duration_seconds');
  });

  it('is not on the app at all when it has a listener of its own', async () => {
    const { app } = testApp({ metricsAccess: false });
    const response = await app.request('/metrics');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    // the UI never answers there either
    expect((await app.request('/metrics', { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

describe('metricsApp', () => {
  it('serves /metrics (with its token when given) and problem+json for everything else', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const open = metricsApp({ metrics });
    const response = await open.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const elsewhere = await open.request('/api/crm/deals');
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get('content-type')).toBe('application/problem+json');
    const guarded = metricsApp({ metrics, token });
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect(
      (await guarded.request('/metrics', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });
});
