import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptWebhook } from './deliver-webhook.js';
import { type LoopbackReceiver, loopbackReceiver } from './loopback-receiver.test-helper.js';
import { newWebhookSecret } from './webhook-secret.js';

/** A loopback receiver: `/ok` 204, `/moved` 301 to `/ok`, `/slow` never answers. */
let receiver: LoopbackReceiver;
let base: string;

beforeAll(async () => {
  receiver = await loopbackReceiver((request, response) => {
    if (request.path === '/ok') response.writeHead(204).end();
    else if (request.path === '/moved') response.writeHead(301, { location: `${base}/ok` }).end();
    // '/slow' keeps the request open until the attempt gives up
  });
  base = receiver.base;
});
afterAll(() => receiver?.close());

const body = JSON.stringify({ type: 'sales.opportunity.won', data: { opportunityId: 'o1' } });

describe('attemptWebhook', () => {
  it('POSTs the body with Standard Webhooks headers a receiver verifies; 2xx is delivered', async () => {
    const secret = newWebhookSecret();
    const attempt = await attemptWebhook({ url: `${base}/ok`, secret, id: 'msg-1', body, timeoutMs: 2000 });
    expect(attempt).toEqual({ status: 204, latencyMs: expect.any(Number) });
    const request = receiver.received.find((r) => r.path === '/ok');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['webhook-id']).toBe('msg-1');
    expect(request?.headers['webhook-signature']).toMatch(/^v1,/);
    const headers = {
      'webhook-id': String(request?.headers['webhook-id']),
      'webhook-timestamp': String(request?.headers['webhook-timestamp']),
      'webhook-signature': String(request?.headers['webhook-signature']),
    };
    expect(new Webhook(secret).verify(request?.body ?? '', headers)).toEqual(JSON.parse(body));
    // a changed body fails verification
    expect(() => new Webhook(secret).verify(`${request?.body} `, headers)).toThrow();
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    const before = receiver.received.filter((r) => r.path === '/ok').length;
    const attempt = await attemptWebhook({
      url: `${base}/moved`,
      secret: newWebhookSecret(),
      id: 'msg-2',
      body,
      timeoutMs: 2000,
    });
    expect(attempt).toMatchObject({ status: 301, error: 'HTTP 301:' });
    expect(receiver.received.filter((r) => r.path === '/ok')).toHaveLength(before);
  });

  it('gives up after the timeout with no status', async () => {
    const attempt = await attemptWebhook({
      url: `${base}/slow`,
      secret: newWebhookSecret(),
      id: 'msg-3',
      body,
      timeoutMs: 300,
    });
    expect(attempt.status).toBeUndefined();
    expect(attempt.error).toMatch(/TimeoutError/);
    expect(attempt.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it('reports a refused connection and a forbidden port with their cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const attempt = (url: string) =>
      attemptWebhook({ url, secret: newWebhookSecret(), id: 'msg-4', body, timeoutMs: 2000 });
    expect(await attempt(`http://127.0.0.1:${port}/x`)).toMatchObject({
      error: 'TypeError: fetch failed (ECONNREFUSED)',
    });
    expect(await attempt('http://127.0.0.1:1/x')).toMatchObject({
      error: 'TypeError: fetch failed (bad port)',
    });
  });
});
