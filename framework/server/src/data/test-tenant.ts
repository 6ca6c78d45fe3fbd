import type { Database } from './database.js';

/** A user of a test tenant, and the role they hold there. */
export interface TestMember {
  id: string;
  /** `<id>@members.test` unless given */
  email?: string;
  name?: string;
  /** a built-in role: `owner`, `admin`, `member` (unless given) or `viewer` */
  role?: string;
}

const builtInRoles = [
  ['owner', 'Owner'],
  ['admin', 'Admin'],
  ['member', 'Member'],
  ['viewer', 'Viewer'],
] as const;

/**
 * Makes a tenant exist with its built-in roles and the given members, as tenancy would (the test
 * database's connection bypasses row-level security): for tests of code that checks who belongs
 * to a tenant, without booting identity and tenancy. Repeatable: what exists is left as it is.
 *
 * @example
 * await ensureTestTenant(database, tenantA, [{ id: userA }, { id: viewerId, role: 'viewer' }]);
 */
export async function ensureTestTenant(
  database: Database,
  tenantId: string,
  members: readonly TestMember[] = [],
): Promise<void> {
  await database.execute(
    'insert into prefiq.tenants (id, name, slug) values ($1, $2, $3) on conflict do nothing',
    [tenantId, `Tenant ${tenantId.slice(0, 8)}`, `t-${tenantId}`],
  );
  for (const [key, name] of builtInRoles) {
    await database.execute(
      'insert into prefiq.roles (tenant_id, key, name, built_in) values ($1, $2, $3, true) on conflict do nothing',
      [tenantId, key, name],
    );
  }
  for (const { id, email = `${id}@members.test`, name = '', role = 'member' } of members) {
    await database.execute(
      'insert into prefiq.users (id, email, name) values ($1, $2, $3) on conflict do nothing',
      [id, email, name],
    );
    await database.execute(
      'insert into prefiq.memberships (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing',
      [tenantId, id, role],
    );
  }
}
