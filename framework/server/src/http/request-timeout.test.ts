import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import { requestSignal, requestTimeout } from './request-timeout.js';
import { serve } from './serve.js';

/** An app whose one route waits until its signal aborts, and reports the reason. */
function waitingApp(ms: number): { app: Hono<AppEnv>; reason: Promise<unknown> } {
  let report: (reason: unknown) => void = () => undefined;
  const reason = new Promise<unknown>((resolve) => {
    report = resolve;
  });
  const app = new Hono<AppEnv>();
  app.use(requestTimeout(ms));
  app.get('/wait', (c) => {
    const signal = requestSignal(c);
    return new Promise<Response>((resolve) => {
      signal.addEventListener('abort', () => {
        report(signal.reason);
        resolve(c.text('aborted'));
      });
    });
  });
  app.onError((error, c) => c.text(String(error), error instanceof DomainError ? 504 : 500));
  return { app, reason };
}

describe('requestTimeout', () => {
  it('aborts the signal when the client goes away, served by the Node adapter', async () => {
    const { app, reason } = waitingApp(10_000);
    const server = await serve(app, { hostname: '127.0.0.1', port: 0 });
    try {
      const req = request(`${server.url}/wait`, { agent: false });
      req.on('error', () => undefined);
      req.end();
      await new Promise((resolve) => setTimeout(resolve, 100));
      req.destroy();
      // the adapter's reasons: the request stream's error, or "Client connection prematurely closed."
      expect(await reason).toMatch(/aborted|prematurely closed/);
    } finally {
      await server.close({ drainMs: 1_000 });
    }
  });

  it('aborts the signal when the request signal aborts, outside the Node adapter', async () => {
    const { app, reason } = waitingApp(10_000);
    const client = new AbortController();
    const response = app.request('/wait', { signal: client.signal });
    client.abort('gone');
    expect(await reason).toBe('gone');
    await Promise.resolve(response).catch(() => undefined);
  });

  it('answers 504 and aborts with the timeout when the work takes too long', async () => {
    const { app, reason } = waitingApp(30);
    const response = await app.request('/wait');
    expect(response.status).toBe(504);
    expect(await reason).toBeInstanceOf(DomainError);
  });
});
