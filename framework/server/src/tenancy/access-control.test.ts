/**
 * Access control end to end over HTTP (sales fixture, row-level security on): record policies,
 * field permissions and personal data masking, mass assignment, the tenancy API and suspension.
 */
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policySql } from '../resources/record-access.js';
import { type TenancyFixture, tenancyFixture } from './tenancy-fixture.test-helper.js';

let f: TenancyFixture;

interface Reply {
  status: number;
  body: Record<string, unknown>;
  type: string | null;
}

async function call(
  path: string,
  options: {
    method?: string;
    user?: string;
    tenant?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const response = await f.request(path, options);
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    type: response.headers.get('content-type'),
  };
}

const items = (reply: Reply) => (reply.body.items ?? []) as Record<string, unknown>[];
const issuePaths = (reply: Reply) => ((reply.body.errors ?? []) as { path: string }[]).map((e) => e.path);

let account: string;
const opportunities: Record<string, string> = {};

beforeAll(async () => {
  f = await tenancyFixture({
    extraPermissions: ['sales:account:tier:write', 'sales:account:employees:read'],
  });
  const owner = await f.context(f.a, f.users.a.owner);
  account = String(
    (
      await f.engine.resource('account').create(owner, {
        name: 'Acme',
        employees: 40,
        contactEmail: 'buyer@acme.example',
      })
    ).id,
  );
  for (const who of ['member', 'member2', 'owner'] as const) {
    const ctx = await f.context(f.a, f.users.a[who]);
    opportunities[who] = String(
      (
        await f.engine
          .resource('opportunity')
          .create(ctx, { title: `Deal of ${who}`, accountId: account, amount: 10 })
      ).id,
    );
  }
}, 60_000);
afterAll(() => f?.dispose());

describe('record policies', () => {
  it('lists a member only their own opportunities, in SQL', async () => {
    const member = f.users.a.member;
    const reply = await call('/api/sales/opportunities?total=true', { user: member });
    expect(reply.status).toBe(200);
    expect(items(reply).map((i) => i.id)).toEqual([opportunities.member]);
    expect(reply.body.total).toBe(1);
    const owner = await call('/api/sales/opportunities?total=true', { user: f.users.a.owner });
    expect(owner.body.total).toBe(3);
    // the condition is part of the statement, with the user bound
    const plan = f.engine.resource('opportunity').plan;
    const state = { app: 'sales', permissions: [], plans: new Map([['opportunity', plan]]) };
    const fragment = policySql(state as never, plan, await f.context(f.a, member));
    const query = new PgDialect().sqlToQuery(fragment ?? (undefined as never));
    expect(query.sql).toContain('"created_by"');
    expect(query.params).toContain(member);
  });

  it('hides another’s record (404) and refuses writes to it (403)', async () => {
    const user = f.users.a.member;
    const other = opportunities.member2 ?? '';
    expect((await call(`/api/sales/opportunities/${other}`, { user })).status).toBe(404);
    expect(
      (
        await call(`/api/sales/opportunities/${other}`, {
          method: 'PATCH',
          user,
          body: { title: 'mine' },
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(403);
    expect((await call(`/api/sales/opportunities/${other}`, { method: 'DELETE', user })).status).toBe(403);
    expect(
      (
        await call(`/api/sales/opportunities/${other}/move`, {
          method: 'POST',
          user,
          body: { stage: 'proposal' },
        })
      ).status,
    ).toBe(404);
    const own = opportunities.member ?? '';
    const patched = await call(`/api/sales/opportunities/${own}`, {
      method: 'PATCH',
      user,
      body: { title: 'Still mine' },
      headers: { 'if-match': '*' },
    });
    expect(patched.status).toBe(200);
    // the admin is not narrowed
    expect((await call(`/api/sales/opportunities/${other}`, { user: f.users.a.admin })).status).toBe(200);
  });

  it('lets members delete only what they created (the built-in policy), and restore it', async () => {
    const member = await f.context(f.a, f.users.a.member);
    const mine = String((await f.engine.resource('account').create(member, { name: 'Mine' })).id);
    expect(
      (await call(`/api/sales/accounts/${account}`, { method: 'DELETE', user: f.users.a.member })).status,
    ).toBe(403);
    expect(
      (await call(`/api/sales/accounts/${mine}`, { method: 'DELETE', user: f.users.a.member })).status,
    ).toBe(204);
    expect(
      (await call(`/api/sales/accounts/${mine}/restore`, { method: 'POST', user: f.users.a.member })).status,
    ).toBe(200);
    expect(
      (await call(`/api/sales/accounts/${mine}/restore`, { method: 'POST', user: f.users.a.member2 })).status,
    ).toBe(403);
  });
});

describe('field permissions and personal data', () => {
  it('masks personal data and protected fields for roles without the permission', async () => {
    const path = `/api/sales/accounts/${account}`;
    expect((await call(path, { user: f.users.a.viewer })).body).toMatchObject({
      contactEmail: '***',
      employees: null,
      name: 'Acme',
    });
    expect((await call(path, { user: f.users.a.member })).body).toMatchObject({
      contactEmail: 'buyer@acme.example',
      employees: 40,
    });
    // the custom role reads personal data but not the protected field
    expect((await call(path, { user: f.users.a.custom })).body).toMatchObject({
      contactEmail: 'buyer@acme.example',
      employees: null,
    });
    const list = await call('/api/sales/accounts', { user: f.users.a.viewer });
    expect(items(list).every((i) => i.contactEmail === '***')).toBe(true);
    // embedded records are masked too
    const embedded = await call(`/api/sales/opportunities/${opportunities.owner}?include=accountId`, {
      user: f.users.a.viewer,
    });
    expect(embedded.body.account).toMatchObject({ contactEmail: '***', employees: null });
  });

  it('refuses to filter, sort or search by a masked field', async () => {
    const user = f.users.a.viewer;
    const filter = await call('/api/sales/accounts?filter[contactEmail][contains]=acme', { user });
    expect(filter.status).toBe(403);
    expect(issuePaths(filter)).toEqual(['/query/filter/contactEmail']);
    const where = await call(
      `/api/sales/accounts?where=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'employees' }, 40] }))}`,
      { user },
    );
    expect(where.status).toBe(403);
    expect(issuePaths(where)).toEqual(['/query/where/==/0/var']);
    expect((await call('/api/sales/accounts?sort=-employees', { user })).status).toBe(403);
    expect((await call('/api/sales/accounts?q=acme', { user })).status).toBe(200);
    expect(
      (await call('/api/sales/accounts?filter[contactEmail][contains]=acme', { user: f.users.a.member }))
        .status,
    ).toBe(200);
  });

  it('refuses writes of a field the role may not write (403 naming it)', async () => {
    const patch = await call(`/api/sales/accounts/${account}`, {
      method: 'PATCH',
      user: f.users.a.member,
      body: { tier: 'gold', name: 'Acme Inc' },
      headers: { 'if-match': '*' },
    });
    expect(patch.status).toBe(403);
    expect(patch.type).toContain('application/problem+json');
    expect(issuePaths(patch)).toEqual(['/body/tier']);
    const create = await call('/api/sales/accounts', {
      method: 'POST',
      user: f.users.a.member,
      body: { name: 'Gold', tier: 'gold' },
    });
    expect(issuePaths(create)).toEqual(['/body/tier']);
    const admin = await call(`/api/sales/accounts/${account}`, {
      method: 'PATCH',
      user: f.users.a.admin,
      body: { tier: 'gold' },
      headers: { 'if-match': '*' },
    });
    expect(admin.status).toBe(200);
  });
});

describe('mass assignment', () => {
  it('refuses system fields in records: tenant, version, authors, id', async () => {
    const user = f.users.a.owner;
    const create = await call('/api/sales/accounts', {
      method: 'POST',
      user,
      body: {
        name: 'Planted',
        tenantId: f.b,
        version: 7,
        createdBy: f.users.b.owner,
        updatedBy: user,
        id: account,
      },
    });
    expect(create.status).toBe(422);
    expect(issuePaths(create).sort()).toEqual([
      '/body/createdBy',
      '/body/id',
      '/body/tenantId',
      '/body/updatedBy',
      '/body/version',
    ]);
    const patch = await call(`/api/sales/opportunities/${opportunities.member}`, {
      method: 'PATCH',
      user: f.users.a.member,
      body: { createdBy: f.users.a.member2, tenantId: f.b },
      headers: { 'if-match': '*' },
    });
    expect(patch.status).toBe(422);
  });

  it('refuses role changes beyond the caller’s rights', async () => {
    const member = f.users.a.member;
    expect(
      (
        await call(`/api/tenancy/members/${member}`, {
          method: 'PATCH',
          user: member,
          body: { role: 'owner' },
        })
      ).status,
    ).toBe(403);
    const admin = f.users.a.admin;
    const promote = await call(`/api/tenancy/members/${member}`, {
      method: 'PATCH',
      user: admin,
      body: { role: 'owner' },
    });
    expect(promote.status).toBe(403);
    expect(issuePaths(promote)).toEqual(['/body/role']);
    expect(
      (
        await call(`/api/tenancy/members/${f.users.a.owner}`, {
          method: 'PATCH',
          user: admin,
          body: { role: 'viewer' },
        })
      ).status,
    ).toBe(403);
    // nobody is added to a tenant by their id: another tenant's user least of all
    const extra = await call('/api/tenancy/members', {
      method: 'POST',
      user: admin,
      body: { userId: f.users.b.viewer, role: 'viewer' },
    });
    expect(extra.status).toBe(405);
    const root = await call('/api/tenancy/roles', {
      method: 'POST',
      user: admin,
      body: { key: 'root', name: 'Root', permissions: ['*'] },
    });
    expect(root.status).toBe(422);
    expect(issuePaths(root)).toEqual(['/body/permissions/0']);
  });
});

describe('the tenancy API', () => {
  it('answers admins, refuses members, audits role changes', async () => {
    const roles = await call('/api/tenancy/roles', { user: f.users.a.admin });
    expect(roles.status).toBe(200);
    expect(items(roles).map((r) => r.key)).toEqual(['owner', 'admin', 'member', 'viewer', 'auditor']);
    const refused = await call('/api/tenancy/roles', { user: f.users.a.member });
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', permission: 'prefiq:role:read' });
    const created = await call('/api/tenancy/roles', {
      method: 'POST',
      user: f.users.a.admin,
      body: {
        key: 'sales-rep',
        name: 'Sales rep',
        permissions: ['sales:opportunity:read', 'sales:opportunity:update'],
      },
    });
    expect(created.status).toBe(201);
    const put = await call('/api/tenancy/roles/sales-rep/permissions', {
      method: 'PUT',
      user: f.users.a.admin,
      body: { permissions: ['sales:opportunity:read'] },
    });
    expect(put.body.permissions).toEqual(['sales:opportunity:read']);
    const log = await f.database.execute<{ action: string; actor: string; record_id: string }>(
      `select action, actor, record_id from prefiq.audit_log where tenant_id = $1 and entity = 'prefiq.role' order by seq desc limit 3`,
      [f.a],
    );
    expect(log.map((r) => r.action)).toEqual(['permission_revoked', 'permission_granted', 'create']);
    expect(new Set(log.map((r) => r.actor))).toEqual(new Set([f.users.a.admin]));
    const catalogue = await call('/api/tenancy/permissions', { user: f.users.a.admin });
    expect(items(catalogue).map((p) => p.name)).toEqual(
      expect.arrayContaining(['sales:pii:read', 'sales:account:tier:write', 'prefiq:role:update']),
    );
    const mine = await call('/api/tenancy/memberships', { user: f.users.a.viewer });
    expect(items(mine).map((m) => m.tenantId)).toEqual([f.a]);
  });

  it('refuses users of other tenants', async () => {
    const reply = await call('/api/sales/accounts', { user: f.users.b.owner, tenant: f.a });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('NOT_A_MEMBER');
  });
});

describe('suspension', () => {
  it('refuses every request of a suspended tenant, then serves it again once reactivated', async () => {
    const suspend = await call('/api/tenancy/tenant/suspend', {
      method: 'POST',
      user: f.users.b.admin,
      tenant: f.b,
    });
    expect(suspend.status).toBe(403);
    expect(
      (await call('/api/tenancy/tenant/suspend', { method: 'POST', user: f.users.b.owner, tenant: f.b })).body
        .status,
    ).toBe('suspended');
    for (const user of [f.users.b.owner, f.users.b.member, undefined]) {
      const reply = await call('/api/sales/accounts', {
        tenant: f.b,
        ...(user === undefined ? {} : { user }),
      });
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('TENANT_SUSPENDED');
    }
    expect((await call('/api/sales/accounts', { user: f.users.a.member })).status).toBe(200);
    await f.tenancy.setTenantStatus(f.b, 'active');
    expect((await call('/api/sales/accounts', { user: f.users.b.member, tenant: f.b })).status).toBe(200);
  });
});
