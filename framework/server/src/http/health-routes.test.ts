import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { healthRoutes, type ReadinessProbe } from './health-routes.js';
import { problemErrorHandler } from './problem.js';

function healthApp(readiness: ReadinessProbe, readinessTimeoutMs?: number): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route(
    '/',
    healthRoutes({ readiness, ...(readinessTimeoutMs === undefined ? {} : { readinessTimeoutMs }) }),
  );
  app.onError(problemErrorHandler());
  return app;
}

describe('/healthz', () => {
  it('answers 200 while the process lives, whatever readiness says', async () => {
    const app = healthApp(() => ({ database: { ok: false } }));
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('/readyz', () => {
  it('answers 200 with the checks when all pass', async () => {
    const app = healthApp(async () => ({
      database: { ok: true },
      migrations: { ok: true, detail: '3 applied' },
    }));
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { database: { ok: true }, migrations: { ok: true, detail: '3 applied' } },
    });
  });

  it('answers 503 NOT_READY listing the failed checks', async () => {
    const app = healthApp(() => ({
      database: { ok: true },
      migrations: { ok: false, detail: '2 pending' },
      plugins: { ok: false },
    }));
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'NOT_READY',
      detail: 'Not ready: migrations, plugins',
      errors: [
        { path: '/checks/migrations', code: 'failed', message: '2 pending' },
        { path: '/checks/plugins', code: 'failed', message: 'failed' },
      ],
    });
  });

  it('answers 200 degraded when only checks that are not critical fail, naming them', async () => {
    const app = healthApp(() => ({
      database: { ok: true },
      audit: { ok: false, critical: false, detail: '1 audit chain cannot seal' },
    }));
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'degraded',
      checks: {
        database: { ok: true },
        audit: { ok: false, critical: false, detail: '1 audit chain cannot seal' },
      },
    });
  });

  it('answers 503 when a critical check fails, whatever else is only degraded', async () => {
    const app = healthApp(() => ({
      database: { ok: false, detail: 'connection refused' },
      audit: { ok: false, critical: false, detail: 'unknown' },
    }));
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      detail: 'Not ready: database',
      errors: [{ path: '/checks/database', message: 'connection refused' }],
      checks: { audit: { ok: false, critical: false } },
    });
  });

  it('answers 503 when the probe throws or hangs', async () => {
    const throwing = await healthApp(() => {
      throw new Error('connection refused');
    }).request('/readyz');
    expect(throwing.status).toBe(503);
    expect(await throwing.json()).toMatchObject({
      errors: [{ path: '/checks/probe', message: 'connection refused' }],
    });
    const hanging = await healthApp(() => new Promise(() => {}), 20).request('/readyz');
    expect(hanging.status).toBe(503);
    expect(await hanging.json()).toMatchObject({
      errors: [{ path: '/checks/probe', message: 'no answer within 20 ms' }],
    });
  });
});
