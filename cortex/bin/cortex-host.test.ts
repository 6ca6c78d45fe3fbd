import { TenancyToken } from '@codexion/framework/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CortexUnderTest,
  cortexUnderTest,
  demoTenantId,
  workspaceApps,
} from './cortex-host.test-helper.js';

describe('startCortex', () => {
  let t: CortexUnderTest;
  beforeAll(async () => {
    t = await cortexUnderTest();
  }, 120_000);
  afterAll(() => t?.dispose());

  it('boots Cortex with every app of apps/* and seeds the demo tenant with their demo data', async () => {
    expect(workspaceApps.map((app) => app.name)).toContain('crm');
    expect(t.cortex.report.plugins.map((p) => p.name)).toEqual([
      'cortex',
      ...workspaceApps.map((app) => app.name),
    ]);
    expect(t.cortex.report.seeded).toContainEqual({ plugin: 'crm', tenantId: demoTenantId });
    expect(t.cortex.firstRun).toBe(true);
    const deals = await t.owner.request('GET', '/api/crm/deals?pageSize=1');
    expect(deals.status).toBe(200);
    expect(deals.body.items).toHaveLength(1);
    // the ERP's demo year: posted through its workflow, in the demo tenant only
    expect(t.cortex.report.seeded).toContainEqual({ plugin: 'erp', tenantId: demoTenantId });
    const invoices = await t.owner.request('GET', '/api/erp/sales-invoices?pageSize=1');
    expect(invoices.status).toBe(200);
    expect(invoices.body.items).toEqual([
      expect.objectContaining({ status: 'posted', currency: expect.any(String) }),
    ]);
    const none = await t.owner.request('GET', '/api/erp/sales-invoices', undefined, { tenant: t.globexId });
    expect(none.body.items).toEqual([]);
  });

  it('makes the demo owner, owner of "Acme (demo)" and of an empty "Globex"', async () => {
    expect(t.cortex.ownerLogin).toEqual({
      email: 'owner@acme.example',
      password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/),
    });
    const memberships = await t.cortex.kernel.container
      .resolve(TenancyToken)
      .listMemberships(t.owner.userId ?? '');
    expect(memberships.map((m) => [m.tenantName, m.role])).toEqual([
      ['Acme (demo)', 'owner'],
      ['Globex', 'owner'],
    ]);
    const empty = await t.owner.request('GET', '/api/crm/deals', undefined, { tenant: t.globexId });
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
  });

  it('requires signing in: no trusted context, not even in development', async () => {
    for (const path of ['/api/cortex/apps', '/api/crm/deals', '/api/tenancy/members']) {
      const answer = await t.anonymous.request('GET', path);
      expect(answer.status, path).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const me = await t.owner.request('GET', '/api/auth/me');
    expect(me.body).toMatchObject({
      user: { email: 'owner@acme.example' },
      tenantId: demoTenantId,
      roles: ['owner'],
    });
  });

  it('lets no cache keep an answer to a signed-in request: apps, auth, tenancy, audit, problems', async () => {
    const paths = [
      '/api/crm/deals?pageSize=1',
      '/api/cortex/apps',
      '/api/auth/me',
      '/api/tenancy/members',
      '/api/audit/log',
      '/api/crm/deals/not-a-uuid',
      '/api/crm/no-such-thing',
    ];
    for (const path of paths) {
      const answer = await t.owner.request('GET', path);
      expect(answer.headers.get('cache-control'), `${path} ${answer.status}`).toBe('no-store');
    }
  });

  it('serves readiness, metrics, the merged contract and its docs on the same port', async () => {
    const ready = await t.anonymous.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    const spec = await t.anonymous.request('GET', '/api/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cortex/apps',
        '/api/cortex/invitations/accept',
        '/api/crm/deals',
        '/api/auth/login',
      ]),
    );
    // what the CRM sends: its declared events, each a webhook naming its payload
    expect(spec.body.webhooks).toMatchObject({
      'crm.deal.won': {
        post: {
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmDealWonEvent' } } },
          },
        },
      },
    });
    const docs = await fetch(`${t.cortex.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
  });
});
