import { createMetrics } from '@codexion/framework/observability';
import { describe, expect, it } from 'vitest';
import { quantile, requestStats } from './request-stats.js';

describe('quantile', () => {
  const buckets = [
    { le: 0.1, count: 5 },
    { le: 0.5, count: 10 },
    { le: Number.POSITIVE_INFINITY, count: 10 },
  ];

  it('interpolates inside the bucket the rank falls in', () => {
    expect(quantile(buckets, 0.5)).toBeCloseTo(0.1);
    expect(quantile(buckets, 0.75)).toBeCloseTo(0.3);
  });

  it('answers the last finite bound in +Inf and nothing without observations', () => {
    expect(
      quantile(
        [
          { le: 1, count: 1 },
          { le: Number.POSITIVE_INFINITY, count: 4 },
        ],
        0.95,
      ),
    ).toBe(1);
    expect(quantile([{ le: 1, count: 0 }], 0.5)).toBeUndefined();
  });
});

describe('requestStats', () => {
  it('adds every route up, counts the 5xx and reads the in-flight gauge', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.httpRequestDuration.observe({ route: '/a', method: 'GET', status: '200' }, 0.02);
    metrics.httpRequestDuration.observe({ route: '/a', method: 'GET', status: '200' }, 0.02);
    metrics.httpRequestDuration.observe({ route: '/b', method: 'POST', status: '503' }, 2);
    metrics.httpRequestsInFlight.inc();
    const stats = await requestStats(metrics);
    expect(stats).toMatchObject({ total: 3, errors5xx: 1, inFlight: 1 });
    expect(stats.p50Ms).toBeGreaterThan(10);
    expect(stats.p50Ms).toBeLessThanOrEqual(25);
    expect(stats.p95Ms).toBeGreaterThan(1000);
    expect(await requestStats(createMetrics({ defaultMetrics: false }))).toEqual({
      total: 0,
      errors5xx: 0,
      inFlight: 0,
    });
  });
});
