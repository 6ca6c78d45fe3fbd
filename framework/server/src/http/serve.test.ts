import { request } from 'node:http';
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
});
