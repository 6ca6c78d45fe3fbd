import { TenancyToken } from '@codexion/framework/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CortexUnderTest, cortexUnderTest, workspaceApps } from '../cortex-host.test-helper.js';

describe('tenants: POST /tenants', () => {
  let t: CortexUnderTest;
  beforeAll(async () => {
    t = await cortexUnderTest();
  }, 120_000);
  afterAll(() => t?.dispose());

  it('creates an empty tenant owned by the caller, with every app on, audited in its own log', async () => {
    const created = await t.owner.cortex('createTenant', 'POST', '/tenants', { name: '  Initech  ' });
    expect(created.status).toBe(201);
    expect(created.contract).toEqual([]);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Initech', status: 'active' });
    const tenancy = t.cortex.kernel.container.resolve(TenancyToken);
    const mine = await tenancy.listMemberships(t.owner.userId ?? '');
    expect(mine).toContainEqual(
      expect.objectContaining({ tenantId: created.body.id, role: 'owner', tenantSlug: 'initech' }),
    );

    const switched = await t.owner.request('POST', '/api/auth/switch-tenant', { tenantId: created.body.id });
    expect(switched.status).toBe(200);
    expect((await t.owner.request('GET', '/api/crm/deals')).body.items).toEqual([]);
    expect(
      (await t.owner.cortex('listApps', 'GET', '/apps')).body.items.every(
        (a: { enabled: boolean }) => a.enabled,
      ),
    ).toBe(true);
    const audit = await t.owner.request('GET', '/api/audit/log?entity=prefiq.tenant');
    expect(audit.body.items[0]).toMatchObject({
      action: 'create',
      recordId: created.body.id,
      actor: t.owner.userId,
    });
    // apps learn of it through the outbox: one prefiq.tenant.created, committed with the action
    const events = await t
      .database()
      .execute<{ payload: unknown }>(
        'select payload from prefiq.event_outbox where name = $1 and tenant_id::text = $2',
        ['prefiq.tenant.created', created.body.id],
      );
    expect(events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload))).toEqual([
      { tenantId: created.body.id, name: 'Initech' },
    ]);
    // the caller's own tenant goes on as before
    const back = await t.owner.request('POST', '/api/auth/switch-tenant', { tenantId: t.globexId });
    expect(back.status).toBe(200);
    expect((await t.owner.cortex('getSettings', 'GET', '/settings')).status).toBe(200);
  });

  it('gives a taken slug a suffix', async () => {
    const twin = await t.owner.cortex('createTenant', 'POST', '/tenants', { name: 'Initech' });
    expect(twin.status).toBe(201);
    const tenancy = t.cortex.kernel.container.resolve(TenancyToken);
    const slug = (await tenancy.getTenant(twin.body.id))?.slug;
    expect(slug).toMatch(/^initech-[0-9a-f]{6}$/);
  });

  it.each([
    ['an empty name', { name: '' }, '/body/name'],
    ['a blank name', { name: '   ' }, '/body/name'],
    ['no name', {}, '/body/name'],
    ['a name too long', { name: 'x'.repeat(101) }, '/body/name'],
    ['an unknown field', { name: 'Ok', slug: 'mine' }, '/body/slug'],
  ])('refuses %s (422 naming the field), creating nothing', async (_, body, path) => {
    const before = await t.snapshot('prefiq.tenants');
    const answer = await t.owner.cortex('createTenant', 'POST', '/tenants', body);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path }));
    expect(await t.snapshot('prefiq.tenants')).toBe(before);
  });

  it('is for admins: a member or a viewer gets 403', async () => {
    const before = await t.snapshot('prefiq.tenants');
    for (const role of ['member', 'viewer']) {
      const user = await t.memberWithRole(role);
      const answer = await user.cortex('createTenant', 'POST', '/tenants', { name: `By a ${role}` });
      expect(answer.status, role).toBe(403);
    }
    expect(await t.snapshot('prefiq.tenants')).toBe(before);
  });
});

describe('system: GET /system', () => {
  let t: CortexUnderTest;
  beforeAll(async () => {
    t = await cortexUnderTest();
  }, 120_000);
  afterAll(() => t?.dispose());

  it('answers readiness, versions, memory and the request metrics', async () => {
    await t.anonymous.request('GET', '/api/cortex/apps');
    const answer = await t.owner.cortex('getSystem', 'GET', '/system');
    expect(answer.status).toBe(200);
    expect(answer.contract).toEqual([]);
    expect(answer.body).toMatchObject({
      version: '0.1.0',
      node: process.version,
      database: t.database().kind,
      checks: { kernel: { ok: true }, database: { ok: true } },
      apps: [
        { name: 'cortex', version: '0.1.0' },
        ...workspaceApps.map(({ name, version }) => ({ name, version })),
      ],
      memory: { rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) },
    });
    const { requests } = answer.body;
    expect(requests.total).toBeGreaterThanOrEqual(2);
    expect(requests.inFlight).toBeGreaterThanOrEqual(1);
    expect(requests.errors5xx).toBe(0);
    expect(requests.p50Ms).toBeGreaterThan(0);
    expect(requests.p95Ms).toBeGreaterThanOrEqual(requests.p50Ms);
  });

  it('is for admins: a viewer gets 403', async () => {
    const viewer = await t.memberWithRole('viewer');
    const answer = await viewer.cortex('getSystem', 'GET', '/system');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FORBIDDEN', permission: 'cortex:system:read' });
  });
});
