import { request } from 'node:http';
import { connect } from 'node:net';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serve } from './serve.js';

/** One request on its own connection; resolves with status and body, rejects on a socket error. */
function get(url: string): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function slowApp(release: Promise<void>): Hono {
  const app = new Hono();
  app.get('/fast', (c) => c.text('fast'));
  app.get('/slow', async (c) => {
    await release;
    return c.text('done');
  });
  return app;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('serve', () => {
  it('serves, drains an in-flight request on close and refuses new connections', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await serve(slowApp(released), { hostname: '127.0.0.1', port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await get(`${server.url}/fast`)).toMatchObject({ status: 200, body: 'fast' });

    const slow = get(`${server.url}/slow`);
    await until(() => server.inFlight() === 1);
    const closed = server.close({ drainMs: 5_000 });
    expect(server.close()).toBe(closed);
    await expect(get(`${server.url}/fast`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    release();
    expect(await slow).toMatchObject({ status: 200, body: 'done', connection: 'close' });
    await closed;
    expect(server.inFlight()).toBe(0);
    expect(server.server.listening).toBe(false);
  });

  it('cuts requests still running after drainMs', async () => {
    const server = await serve(slowApp(new Promise(() => {})), { hostname: '127.0.0.1', port: 0 });
    const stuck = get(`${server.url}/slow`);
    await until(() => server.inFlight() === 1);
    const started = Date.now();
    await server.close({ drainMs: 100 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('answers what the HTTP parser refuses (a NUL in a header, huge headers) with problem+json', async () => {
    const server = await serve(slowApp(Promise.resolve()), { hostname: '127.0.0.1', port: 0 });
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
        let answer = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => {
          answer += chunk;
        });
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    try {
      const nul = await raw('GET /fast HTTP/1.1\r\nHost: x\r\nX-Codexion-Tenant: a\u0000b\r\n\r\n');
      expect(nul).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(nul).toContain('Content-Type: application/problem+json');
      const [, body = ''] = nul.split('\r\n\r\n');
      expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'BAD_REQUEST', errors: [] });

      const huge = await raw(`GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(huge.split('\r\n\r\n')[1] ?? '')).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
      // the server still serves
      expect(await get(`${server.url}/fast`)).toMatchObject({ status: 200, body: 'fast' });
    } finally {
      await server.close({ drainMs: 0 });
    }
  });
});
