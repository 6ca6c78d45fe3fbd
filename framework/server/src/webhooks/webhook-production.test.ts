import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { tenantHeaders, testApp } from '../http/http-test-app.test-helper.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { webhooksHttpPlugin } from './webhook-routes.js';
import { webhookSecretBox } from './webhook-secret.js';

/** The webhooks API as a production node mounts it (https only, no private hosts), over real HTTP. */
let test: TestDatabase;
let app: ReturnType<typeof testApp>['app'];

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  app = testApp({
    environment: 'production',
    plugins: [
      webhooksHttpPlugin({
        database: test.database,
        box: webhookSecretBox('a production key of sixteen+'),
        catalogue: ['crm.*', 'crm.deal.won'],
        production: true,
        enqueue: () => undefined,
      }),
    ],
  }).app;
}, 60_000);
afterAll(() => test?.dispose());

const create = async (url: string) => {
  const response = await app.request('/api/webhooks/endpoints', {
    method: 'POST',
    headers: tenantHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify({ url, eventTypes: ['crm.deal.won'] }),
  });
  const body = (await response.json()) as {
    errors?: { path: string; code: string; message: string }[];
    endpoint?: { url: string; enabled: boolean };
  };
  return { status: response.status, type: response.headers.get('content-type'), body };
};

describe('webhook URLs in production', () => {
  it('refuses http with problem+json naming the field and the reason', async () => {
    const refused = await create('http://erp.example.com/hooks');
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { path: '/body/url', code: 'url', message: 'The URL must use https in production' },
    ]);
  });

  it('refuses loopback, private and metadata addresses, even over https', async () => {
    for (const url of ['https://127.0.0.1/x', 'https://10.0.0.7/x', 'https://169.254.169.254/latest']) {
      const refused = await create(url);
      expect(refused.status, url).toBe(422);
      expect(refused.body.errors?.[0]).toMatchObject({
        path: '/body/url',
        message: 'The URL must not point to a loopback, private or link-local address in production',
      });
    }
  });

  it('accepts a public https URL', async () => {
    const created = await create('https://erp.example.com/hooks');
    expect(created.status).toBe(201);
    expect(created.body.endpoint).toMatchObject({ url: 'https://erp.example.com/hooks', enabled: true });
  });
});
