import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKernel, type Kernel } from '@codexion/framework/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './plugin.js';

const tenant = '00000000-0000-4000-8000-0000000000aa';
let kernel: Kernel;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ecommerce-'));
  kernel = createKernel({
    root,
    plugins: [plugin],
    env: { NODE_ENV: 'test', CODEXION_DATABASE__DATA_DIR: 'memory://', CODEXION_LOGGING__LEVEL: 'warn' },
  });
  await kernel.boot();
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await rm(root, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await kernel.app.request(`/api/ecommerce${path}`, {
    method,
    headers: {
      'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
      'x-codexion-tenant': tenant,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('ecommerce plugin', () => {
  it('creates, reads, updates and deletes a product through the API', async () => {
    const created = await call('POST', '/products', { title: 'Linen shirt', handle: 'linen-shirt' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Linen shirt', status: 'draft', version: 1 });
    const id = String(created.body.id);

    const read = await call('GET', `/products/${id}`);
    expect(read.status).toBe(200);

    const updated = await call(
      'PATCH',
      `/products/${id}`,
      { brand: 'Nordwind' },
      { 'if-match': read.etag ?? '' },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ brand: 'Nordwind', version: 2 });

    expect((await call('DELETE', `/products/${id}`)).status).toBe(204);
    expect((await call('GET', `/products/${id}`)).status).toBe(404);
  });

  it('refuses unknown and read-only fields', async () => {
    expect((await call('POST', '/products', { title: 'x', colour: 'red' })).status).toBe(422);
    expect((await call('POST', '/products', { title: 'x', id: tenant })).status).toBe(422);
  });
});
