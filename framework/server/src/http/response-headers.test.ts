import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { requestId } from './request-id.js';
import { requestTrace } from './request-trace.js';
import { jsonResponse } from './response-headers.js';
import { contentSecurityPolicy, securityHeaders, securityHeaderValues } from './security-headers.js';

const headersOf = (response: Response) =>
  Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== 'content-type'));

describe('standard response headers', () => {
  it('are exactly what Hono’s secureHeaders sets with the same options', async () => {
    const hono = new Hono();
    hono.use(secureHeaders({ contentSecurityPolicy, xFrameOptions: 'DENY', overwrite: false }));
    hono.get('/', (c) => c.json({}));
    expect(headersOf(await hono.request('/'))).toEqual(securityHeaderValues);
  });

  it('come out the same whether the handler builds its response with them or the middleware adds them', async () => {
    const app = new Hono<AppEnv>();
    app.use(requestId(), requestTrace(), securityHeaders());
    app.get('/fast', (c) => jsonResponse(c, { a: 1 }, 200, { ETag: '"1"' }));
    app.get('/slow', (c) => c.json({ a: 1 }, 200, { ETag: '"1"' }));
    app.get('/own', (c) => c.json({}, 200, { 'Content-Security-Policy': "default-src 'none'" }));
    app.get('/cached', (c) => jsonResponse(c, {}, 200, { 'Cache-Control': 'public, max-age=60' }));
    const headers = {
      'x-request-id': 'req-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    const fast = await app.request('/fast', { headers });
    const slow = await app.request('/slow', { headers });
    expect(await fast.json()).toEqual(await slow.json());
    const expected = headersOf(slow);
    // this server's span id differs per request
    expect({ ...headersOf(fast), traceparent: '' }).toEqual({ ...expected, traceparent: '' });
    expect(fast.headers.get('content-type')).toBe('application/json');
    expect(expected).toMatchObject({ ...securityHeaderValues, 'x-request-id': 'req-1', etag: '"1"' });
    expect(fast.headers.get('cache-control')).toBe('no-store');
    // a handler's own header stays, in whatever case it names it
    expect((await app.request('/own')).headers.get('content-security-policy')).toBe("default-src 'none'");
    expect((await app.request('/cached')).headers.get('cache-control')).toBe('public, max-age=60');
  });
});
