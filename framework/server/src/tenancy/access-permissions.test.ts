import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Access, AccessRefusal } from './access.js';
import { accessPermissions, withRoles } from './access-permissions.js';
import type { Tenancy } from './create-tenancy.js';

const tenantId = randomUUID();
const userId = randomUUID();

function tenancyAnswering(
  answer: Access | AccessRefusal,
  status: 'active' | 'suspended' = 'active',
): Tenancy {
  return { resolveAccess: async () => answer, tenantStatus: async () => status } as unknown as Tenancy;
}

function context(vars: Record<string, unknown>) {
  const values = new Map(Object.entries(vars));
  return {
    get: (key: string) => values.get(key),
    set: (key: string, value: unknown) => values.set(key, value),
    values,
  };
}

const member: Access = { tenantId, userId, roles: ['member'], permissions: new Set(['sales:account:read']) };

describe('accessPermissions', () => {
  it('gives a user their role’s permissions and roles, refuses non-members and suspended tenants', async () => {
    const c = context({ tenantId, userId });
    expect(await accessPermissions({ tenancy: tenancyAnswering(member) })(c as never)).toBe(
      member.permissions,
    );
    expect(c.values.get('roles')).toEqual(['member']);
    await expect(
      accessPermissions({ tenancy: tenancyAnswering({ refusal: 'NOT_A_MEMBER', message: 'no' }) })(
        c as never,
      ),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER', status: 403 });
    const anonymous = context({ tenantId, userId: undefined });
    const everything = new Set(['*']);
    expect(
      await accessPermissions({ tenancy: tenancyAnswering(member), anonymous: everything })(
        anonymous as never,
      ),
    ).toBe(everything);
    await expect(
      accessPermissions({ tenancy: tenancyAnswering(member, 'suspended'), anonymous: everything })(
        anonymous as never,
      ),
    ).rejects.toMatchObject({ code: 'TENANT_SUSPENDED' });
  });
});

describe('withRoles', () => {
  it('keeps the wrapped resolver’s permissions and adds the user’s roles', async () => {
    const scopes = new Set(['sales:account:read']);
    const c = context({ tenantId, userId });
    expect(await withRoles(() => scopes, tenancyAnswering(member))(c as never)).toBe(scopes);
    expect(c.values.get('roles')).toEqual(['member']);
    const refused = context({ tenantId, userId });
    await withRoles(
      () => scopes,
      tenancyAnswering({ refusal: 'NOT_A_MEMBER', message: 'no' }),
    )(refused as never);
    expect(refused.values.get('roles')).toEqual([]);
    const anonymous = context({ tenantId, userId: undefined });
    await withRoles(() => scopes, tenancyAnswering(member))(anonymous as never);
    expect(anonymous.values.has('roles')).toBe(false);
  });
});
