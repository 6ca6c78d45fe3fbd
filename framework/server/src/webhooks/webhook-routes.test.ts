import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../kernel/kernel-database.test-helper.js';
import { otherTenant, ownTenant, type WebhookKernel, webhookKernel } from './webhook-kernel.test-helper.js';

/** The webhooks API on the sales fixture, on a node that runs no jobs (the test default). */
let k: WebhookKernel;

beforeAll(async () => {
  k = await webhookKernel('webhooks_api', {});
}, 60_000);
afterAll(() => k?.dispose(), 30_000);

const hook = { url: 'https://hooks.example.com/codexion', eventTypes: ['sales.opportunity.won'] };

/** The issues of a problem+json answer, as `{ path, code }`. */
const issues = (body: Record<string, unknown>) =>
  (body.errors as { path: string; code: string }[]).map(({ path, code }) => ({ path, code }));

describe(`the webhooks API on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('offers the declared events and each app’s wildcard', async () => {
    const types = await k.call('GET', '/event-types');
    expect(types).toEqual({ status: 200, body: { items: ['sales.*', 'sales.opportunity.won'] } });
  });

  it('creates an endpoint with a whsec_ secret shown once, lists, changes, rotates and deletes it, audited', async () => {
    const created = await k.call('POST', '/endpoints', { ...hook, description: 'ERP' });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body as { endpoint: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(endpoint).toMatchObject({ ...hook, description: 'ERP', enabled: true });

    const listed = await k.call('GET', '/endpoints');
    expect(listed.body.items).toEqual([endpoint]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const changed = await k.call('PATCH', `/endpoints/${endpoint.id}`, {
      enabled: false,
      eventTypes: ['sales.*'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      enabled: false,
      eventTypes: ['sales.*'],
      description: 'ERP',
      url: hook.url,
    });
    const cleared = await k.call('PATCH', `/endpoints/${endpoint.id}`, { description: null });
    expect(cleared.body).toMatchObject({ description: null, enabled: false });

    const rotated = await k.call('POST', `/endpoints/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect((rotated.body as { secret: string }).secret).toMatch(/^whsec_/);
    expect((rotated.body as { secret: string }).secret).not.toBe(secret);

    // another tenant sees none of it and changes none of it
    expect((await k.call('GET', '/endpoints', undefined, otherTenant)).body.items).toEqual([]);
    for (const [method, path] of [
      ['PATCH', `/endpoints/${endpoint.id}`],
      ['DELETE', `/endpoints/${endpoint.id}`],
      ['POST', `/endpoints/${endpoint.id}/rotate-secret`],
      ['GET', `/endpoints/${endpoint.id}/deliveries`],
    ] as const) {
      const answer = await k.call(
        method,
        path,
        method === 'PATCH' ? { enabled: true } : undefined,
        otherTenant,
      );
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toMatchObject({ code: 'NOT_FOUND' });
    }

    expect((await k.call('DELETE', `/endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await k.call('DELETE', `/endpoints/${endpoint.id}`)).status).toBe(404);

    const audit = await k.kernel.app.request('/api/audit/log?entity=prefiq.webhook_endpoint', {
      headers: { 'x-codexion-tenant': ownTenant },
    });
    const entries = ((await audit.json()) as { items: { action: string; recordId: string }[] }).items;
    expect(
      entries
        .filter((e) => e.recordId === endpoint.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual([
      'webhooks.endpoint_created',
      'webhooks.endpoint_deleted',
      'webhooks.endpoint_updated',
      'webhooks.endpoint_updated',
      'webhooks.secret_rotated',
    ]);
  });

  it('refuses bad input on create with problem+json naming the field and the reason', async () => {
    const bad = async (body: unknown) => {
      const answer = await k.call('POST', '/endpoints', body);
      expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String) });
      return { status: answer.status, issues: issues(answer.body) };
    };
    expect(await bad({ ...hook, url: 'ftp://example.com/x' })).toEqual({
      status: 422,
      issues: [{ path: '/body/url', code: 'url' }],
    });
    expect(await bad({ ...hook, url: 'https://user:secret@example.com/x' })).toEqual({
      status: 422,
      issues: [{ path: '/body/url', code: 'url' }],
    });
    expect(await bad({ ...hook, url: 'not a url' })).toEqual({
      status: 422,
      issues: [{ path: '/body/url', code: 'url' }],
    });
    expect(await bad({ ...hook, eventTypes: ['sales.opportunity.won', 'crm.deal.won'] })).toEqual({
      status: 422,
      issues: [{ path: '/body/eventTypes/1', code: 'enum' }],
    });
    const reasons = await k.call('POST', '/endpoints', { url: 'ftp://x.example', eventTypes: ['nope.*'] });
    expect(reasons.body.errors).toEqual([
      expect.objectContaining({ path: '/body/url', message: expect.stringContaining('must use https') }),
      expect.objectContaining({ path: '/body/eventTypes/0', message: expect.stringContaining('nope.*') }),
    ]);
    // the contract's own checks: required fields, types, bounds, unknown fields
    const contractIssues: unknown[] = [];
    for (const body of [
      { eventTypes: hook.eventTypes },
      { ...hook, eventTypes: [] },
      { ...hook, enabled: 'yes' },
      { ...hook, secret: 'whsec_mine' },
      { ...hook, url: `https://example.com/${'x'.repeat(2000)}` },
    ]) {
      const { status, issues: found } = await bad(body);
      expect(status).toBe(422);
      expect(found).toHaveLength(1);
      contractIssues.push(found[0]);
    }
    expect(contractIssues).toEqual([
      { path: '/body/url', code: 'required' },
      { path: '/body/eventTypes', code: 'minItems' },
      { path: '/body/enabled', code: 'type' },
      { path: '/body/secret', code: 'additionalProperties' },
      { path: '/body/url', code: 'maxLength' },
    ]);
    expect((await k.call('GET', '/endpoints')).body.items).toEqual([]);
  });

  it('refuses bad input on update, delete, rotate, deliveries, redeliver and test events', async () => {
    const { endpoint } = (await k.call('POST', '/endpoints', hook)).body as { endpoint: { id: string } };
    const patch = await k.call('PATCH', `/endpoints/${endpoint.id}`, { url: 'gopher://example.com' });
    expect(patch.status).toBe(422);
    expect(issues(patch.body)).toEqual([{ path: '/body/url', code: 'url' }]);
    const types = await k.call('PATCH', `/endpoints/${endpoint.id}`, {
      eventTypes: ['sales.opportunity.lost'],
    });
    expect(issues(types.body)).toEqual([{ path: '/body/eventTypes/0', code: 'enum' }]);
    const typed = await k.call('PATCH', `/endpoints/${endpoint.id}`, { enabled: 1 });
    expect(typed.status).toBe(422);
    expect(issues(typed.body)).toEqual([{ path: '/body/enabled', code: 'type' }]);
    for (const [method, path] of [
      ['PATCH', '/endpoints/not-a-uuid'],
      ['DELETE', '/endpoints/not-a-uuid'],
      ['POST', '/endpoints/not-a-uuid/rotate-secret'],
      ['POST', '/endpoints/not-a-uuid/test'],
      ['GET', '/endpoints/not-a-uuid/deliveries'],
      ['POST', '/deliveries/not-a-uuid/redeliver'],
    ] as const) {
      const answer = await k.call(method, path, method === 'PATCH' ? { enabled: true } : undefined);
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect(issues(answer.body), `${method} ${path}`).toEqual([{ path: '/params/id', code: 'format' }]);
    }
    const paging = await k.call('GET', `/endpoints/${endpoint.id}/deliveries?pageSize=500`);
    expect(paging.status).toBe(400);
    expect(issues(paging.body)[0]?.path).toBe('/query/pageSize');
    expect((await k.call('GET', `/endpoints/${endpoint.id}/deliveries?cursor=abc`)).status).toBe(400);
    // an unknown delivery or endpoint is a 404 before whether this node runs jobs
    expect((await k.call('POST', `/deliveries/${randomUUID()}/redeliver`)).status).toBe(404);
    expect((await k.call('POST', `/endpoints/${randomUUID()}/test`)).status).toBe(404);
    // unchanged by all of it
    expect((await k.call('GET', '/endpoints')).body.items).toEqual([expect.objectContaining(hook)]);
  });

  it('answers 503 for what would send a delivery on a node that runs no jobs', async () => {
    const { endpoint } = (await k.call('POST', '/endpoints', hook)).body as { endpoint: { id: string } };
    const test = await k.call('POST', `/endpoints/${endpoint.id}/test`);
    expect(test.status).toBe(503);
    expect(test.body).toMatchObject({ code: 'NOT_READY' });
  });
});
