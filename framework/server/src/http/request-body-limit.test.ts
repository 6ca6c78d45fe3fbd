import { request } from 'node:http';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import { requestBodyLimit } from './request-body-limit.js';
import { type HttpServer, serve } from './serve.js';

/** One request over a real socket: `chunked` sends the body without Content-Length. */
function send(
  url: string,
  method: string,
  body?: string,
  { chunked = false }: { chunked?: boolean } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (body !== undefined && !chunked) headers['content-length'] = String(Buffer.byteLength(body));
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined && chunked) {
      // two chunks: the length is known only while streaming
      req.write(body.slice(0, 10));
      req.write(body.slice(10));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('requestBodyLimit served by Node', () => {
  let server: HttpServer;

  beforeAll(async () => {
    const app = new Hono<AppEnv>();
    app.use(requestBodyLimit(100));
    app.get('/echo', (c) => c.text('got'));
    app.post('/echo', async (c) => c.text(await c.req.text()));
    app.onError((error, c) =>
      error instanceof DomainError
        ? c.json({ code: error.code }, 413)
        : c.json({ error: String(error) }, 500),
    );
    server = await serve(app, { hostname: '127.0.0.1', port: 0 });
  });
  afterAll(() => server?.close());

  it('passes a request without a body and one within the limit, whose body the handler reads', async () => {
    expect(await send(`${server.url}/echo`, 'GET')).toEqual({ status: 200, body: 'got' });
    expect(await send(`${server.url}/echo`, 'POST', 'x'.repeat(100))).toEqual({
      status: 200,
      body: 'x'.repeat(100),
    });
    expect(await send(`${server.url}/echo`, 'POST', 'y'.repeat(60), { chunked: true })).toEqual({
      status: 200,
      body: 'y'.repeat(60),
    });
  });

  it('refuses a body over the limit by its Content-Length, and a chunked one while it streams', async () => {
    expect(await send(`${server.url}/echo`, 'POST', 'x'.repeat(101))).toEqual({
      status: 413,
      body: JSON.stringify({ code: 'PAYLOAD_TOO_LARGE' }),
    });
    expect(await send(`${server.url}/echo`, 'POST', 'y'.repeat(500), { chunked: true })).toEqual({
      status: 413,
      body: JSON.stringify({ code: 'PAYLOAD_TOO_LARGE' }),
    });
  });
});
