import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import { isRefusal } from './access.js';
import { tenancyPort } from './create-tenancy.js';
import { type TenancyFixture, tenancyFixture } from './tenancy-fixture.test-helper.js';

let f: TenancyFixture;

beforeAll(async () => {
  f = await tenancyFixture();
}, 60_000);
afterAll(() => f?.dispose());

async function access(tenantId: string, userId: string) {
  const result = await f.tenancy.resolveAccess({ userId, tenantId });
  if (isRefusal(result)) throw new Error(result.message);
  return result;
}

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await f.database.execute<{ action: string }>(
    'select action from prefiq.audit_log where tenant_id = $1 order by seq',
    [tenantId],
  );
  return rows.map((r) => r.action);
}

const owner = (tenantId: string) => ({ tenantId, userId: f.users.a.owner, permissions: new Set(['*']) });

describe('resolveAccess', () => {
  it('gives each built-in role its permissions', async () => {
    const { a, users } = f;
    expect((await access(a, users.a.owner)).permissions).toEqual(new Set(['*']));
    const admin = await access(a, users.a.admin);
    expect(admin.roles).toEqual(['admin']);
    expect(hasPermission(admin.permissions, 'sales:opportunity:reopen')).toBe(true);
    expect(hasPermission(admin.permissions, 'prefiq:member:update')).toBe(true);
    expect(hasPermission(admin.permissions, 'prefiq:tenant:transfer')).toBe(false);
    const member = await access(a, users.a.member);
    expect(hasPermission(member.permissions, 'sales:account:delete')).toBe(true);
    expect(hasPermission(member.permissions, 'sales:opportunity:reopen')).toBe(false);
    expect(hasPermission(member.permissions, 'prefiq:member:read')).toBe(false);
    expect(hasPermission(member.permissions, 'sales:pii:read')).toBe(true);
    const viewer = await access(a, users.a.viewer);
    expect([...viewer.permissions].sort()).toEqual([
      'prefiq:tenant:read',
      'sales:account:read',
      'sales:opportunity:read',
    ]);
  });

  it('grants a custom role exactly its set', async () => {
    const custom = await access(f.a, f.users.a.custom);
    expect(custom.roles).toEqual(['auditor']);
    expect([...custom.permissions].sort()).toEqual([...f.customPermissions].sort());
    expect(hasPermission(custom.permissions, 'sales:account:update')).toBe(false);
    expect(hasPermission(custom.permissions, 'prefiq:tenant:read')).toBe(false);
  });

  it('refuses users of another tenant, unknown users and tenants', async () => {
    expect(await f.tenancy.resolveAccess({ userId: f.users.b.owner, tenantId: f.a })).toMatchObject({
      refusal: 'NOT_A_MEMBER',
    });
    expect(await f.tenancy.resolveAccess({ userId: randomUUID(), tenantId: f.a })).toMatchObject({
      refusal: 'NOT_A_MEMBER',
    });
    expect(await f.tenancy.resolveAccess({ userId: f.users.a.owner, tenantId: randomUUID() })).toMatchObject({
      refusal: 'NOT_A_MEMBER',
    });
    expect(await f.tenancy.resolveAccess({ userId: 'nope', tenantId: f.a })).toMatchObject({
      refusal: 'NOT_A_MEMBER',
    });
  });

  it('lists a user’s memberships across tenants and answers identity’s port', async () => {
    const userId = f.users.b.viewer;
    await f.tenancy.addMember(owner(f.a), { userId, role: 'member' });
    const memberships = await f.tenancy.listMemberships(userId);
    expect(memberships.map((m) => [m.tenantId, m.role]).sort()).toEqual(
      [
        [f.a, 'member'],
        [f.b, 'viewer'],
      ].sort(),
    );
    const port = tenancyPort(f.tenancy);
    expect(await port.resolveAccess(userId, f.a)).toMatchObject({ roles: ['member'] });
    expect(await port.resolveAccess(randomUUID(), f.a)).toBeUndefined();
    expect(await port.defaultTenant?.(userId)).toBe(memberships[0]?.tenantId);
    await f.tenancy.removeMember(owner(f.a), userId);
    expect((await f.tenancy.listMemberships(userId)).map((m) => m.tenantId)).toEqual([f.b]);
  });
});

describe('suspension', () => {
  it('refuses a suspended tenant’s members until it is reactivated', async () => {
    const tenant = await f.tenancy.createTenant({
      name: 'Paused',
      slug: `paused-${randomUUID().slice(0, 8)}`,
      ownerId: f.users.a.owner,
    });
    expect((await access(tenant.id, f.users.a.owner)).roles).toEqual(['owner']);
    await f.tenancy.setTenantStatus(tenant.id, 'suspended');
    expect(await f.tenancy.resolveAccess({ userId: f.users.a.owner, tenantId: tenant.id })).toMatchObject({
      refusal: 'TENANT_SUSPENDED',
    });
    await expect(tenancyPort(f.tenancy).resolveAccess(f.users.a.owner, tenant.id)).rejects.toMatchObject({
      code: 'TENANT_SUSPENDED',
      status: 403,
    });
    expect(await f.tenancy.tenantStatus(tenant.id)).toBe('suspended');
    await f.tenancy.setTenantStatus(tenant.id, 'active');
    expect((await access(tenant.id, f.users.a.owner)).roles).toEqual(['owner']);
    expect(await auditActions(tenant.id)).toEqual([
      'create',
      'role_assigned',
      'tenant_suspended',
      'tenant_reactivated',
    ]);
  });
});

describe('tenants', () => {
  it('refuses a taken slug with 409 on /slug', async () => {
    const slug = `taken-${randomUUID().slice(0, 8)}`;
    await f.tenancy.createTenant({ name: 'One', slug });
    await expect(f.tenancy.createTenant({ name: 'Two', slug })).rejects.toMatchObject({
      code: 'UNIQUE_VIOLATION',
      issues: [{ path: '/slug', code: 'unique' }],
    });
  });

  it('ensures configured tenants once', async () => {
    const id = randomUUID();
    expect(await f.tenancy.ensureTenant({ id, name: 'Configured', slug: `t-${id}` })).toBe(true);
    expect(await f.tenancy.ensureTenant({ id, name: 'Configured', slug: `t-${id}` })).toBe(false);
    expect((await f.tenancy.getTenant(id))?.status).toBe('active');
  });
});

describe('members and roles', () => {
  const admin = () => ({
    tenantId: f.a,
    userId: f.users.a.admin,
    permissions: f.tenancy.catalog.entries.length > 0 ? adminPermissions : new Set<string>(),
  });
  let adminPermissions: ReadonlySet<string> = new Set();

  beforeAll(async () => {
    adminPermissions = (await access(f.a, f.users.a.admin)).permissions;
  });

  it('lets no one grant what they do not hold', async () => {
    const userId = f.users.b.member;
    await expect(f.tenancy.addMember(admin(), { userId, role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      issues: [{ path: '/role' }],
    });
    const custom = {
      tenantId: f.a,
      userId: f.users.a.custom,
      permissions: new Set(['prefiq:role:create', 'sales:account:read']),
    };
    await expect(
      f.tenancy.createRole(custom, {
        key: 'deleter',
        name: 'Deleter',
        permissions: ['sales:account:delete'],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', issues: [{ path: '/permissions' }] });
    await expect(
      f.tenancy.createRole(admin(), {
        key: 'root',
        name: 'Root',
        permissions: ['*', 'prefiq:tenant:transfer', 'nope:x:y'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: '/permissions/0', code: 'reserved' },
        { path: '/permissions/1', code: 'reserved' },
        { path: '/permissions/2', code: 'unknown' },
      ],
    });
    await expect(
      f.tenancy.createRole(admin(), { key: 'admin', name: 'X', permissions: [] }),
    ).rejects.toMatchObject({
      issues: [{ path: '/key', code: 'reserved' }],
    });
  });

  it('keeps owners to owners and never loses the last one', async () => {
    await expect(f.tenancy.changeMemberRole(admin(), f.users.a.owner, 'viewer')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.tenancy.removeMember(admin(), f.users.a.owner)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.tenancy.changeMemberRole(owner(f.a), f.users.a.owner, 'admin')).rejects.toMatchObject({
      code: 'LAST_OWNER',
      status: 409,
    });
    await expect(f.tenancy.removeMember(owner(f.a), f.users.a.owner)).rejects.toBeInstanceOf(DomainError);
  });

  it('creates, changes and deletes a custom role, audited', async () => {
    const before = (await auditActions(f.a)).length;
    const role = await f.tenancy.createRole(admin(), {
      key: 'closer',
      name: 'Closer',
      permissions: ['sales:opportunity:read', 'sales:opportunity:reopen', 'sales:opportunity:read'],
    });
    expect(role).toMatchObject({
      key: 'closer',
      builtIn: false,
      members: 0,
      permissions: ['sales:opportunity:read', 'sales:opportunity:reopen'],
    });
    await f.tenancy.updateRole(admin(), 'closer', {
      permissions: ['sales:opportunity:read', 'sales:opportunity:update'],
    });
    const userId = f.users.b.admin;
    await f.tenancy.addMember(admin(), { userId, role: 'closer' });
    expect([...(await access(f.a, userId)).permissions].sort()).toEqual([
      'sales:opportunity:read',
      'sales:opportunity:update',
    ]);
    await expect(f.tenancy.deleteRole(admin(), 'closer')).rejects.toMatchObject({
      code: 'ROLE_IN_USE',
      status: 409,
    });
    await f.tenancy.changeMemberRole(admin(), userId, 'viewer');
    await f.tenancy.removeMember(admin(), userId);
    await f.tenancy.deleteRole(admin(), 'closer');
    await expect(f.tenancy.getRole(admin(), 'closer')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(f.tenancy.updateRole(admin(), 'member', { name: 'Rep' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await auditActions(f.a)).slice(before)).toEqual([
      'create',
      'permission_granted',
      'permission_granted',
      'permission_revoked',
      'role_assigned',
      'role_changed',
      'role_revoked',
      'delete',
      'permission_revoked',
    ]);
  });

  it('lists members and roles', async () => {
    const members = await f.tenancy.listMembers(owner(f.a));
    expect(members.map((m) => m.role).sort()).toEqual([
      'admin',
      'auditor',
      'member',
      'member',
      'owner',
      'viewer',
    ]);
    const roles = await f.tenancy.listRoles(owner(f.a));
    expect(roles.map((r) => [r.key, r.members])).toEqual([
      ['owner', 1],
      ['admin', 1],
      ['member', 2],
      ['viewer', 1],
      ['auditor', 1],
    ]);
    expect(roles[0]?.permissions).toContain('prefiq:tenant:transfer');
    expect(roles[3]?.permissions).toEqual([
      'sales:account:read',
      'sales:opportunity:read',
      'prefiq:tenant:read',
    ]);
  });

  it('transfers the ownership', async () => {
    const tenant = await f.tenancy.createTenant({
      name: 'Handover',
      slug: `handover-${randomUUID().slice(0, 8)}`,
      ownerId: f.users.a.owner,
    });
    const ctx = { tenantId: tenant.id, userId: f.users.a.owner, permissions: new Set(['*']) };
    await f.tenancy.addMember(ctx, { userId: f.users.a.admin, role: 'member' });
    await f.tenancy.transferOwnership(ctx, f.users.a.admin);
    expect((await access(tenant.id, f.users.a.admin)).roles).toEqual(['owner']);
    expect((await access(tenant.id, f.users.a.owner)).roles).toEqual(['admin']);
  });
});
