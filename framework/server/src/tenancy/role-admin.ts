import type { ValidationIssue } from '@codexion/schema';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import { builtInPermissionList, isBuiltInRole, ownerOnlyPermissions } from './built-in-roles.js';
import { tenancyListLimit } from './tenancy-list-limit.js';
import { type AdminContext, audit, inTenant, invalidate, type TenancyState } from './tenancy-state.js';
import { roles } from './tenancy-tables.js';

/** A role as the API shows it: built-in ones with their permissions expanded. */
export interface Role {
  key: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  permissions: string[];
  members: number;
}

export interface RoleInput {
  key: string;
  name: string;
  description?: string | null;
  permissions: string[];
}

/**
 * The permissions a role grants: a built-in role's expanded from the catalogue, a custom role's
 * as stored. An unknown role is a 422 on `path`.
 */
export async function rolePermissions(
  state: TenancyState,
  tx: Db,
  tenantId: string,
  key: string,
  path: string,
): Promise<ReadonlySet<string>> {
  const [row] = await tx
    .select({ builtIn: roles.builtIn, permissions: roles.permissions })
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.key, key)));
  if (row === undefined) {
    throw validationFailed([{ path, code: 'reference', message: 'is not a role of this tenant' }]);
  }
  return row.builtIn && isBuiltInRole(key) ? state.builtIn[key] : new Set(row.permissions);
}

/**
 * No one grants what they do not hold: every permission of `granted` must be held by the actor
 * (`*` only by an owner), else 403 naming the first one missing.
 */
export function assertGrantable(ctx: AdminContext, granted: ReadonlySet<string>, path: string): void {
  for (const permission of granted) {
    if (!hasPermission(ctx.permissions, permission)) {
      throw new DomainError('FORBIDDEN', `You cannot grant ${permission}, which you do not hold`, {
        issues: [{ path, code: 'forbidden', message: `grants ${permission}, which you do not hold` }],
        extensions: { permission },
      });
    }
  }
}

/**
 * Checks the permission set of a custom role: known to the catalogue (or a wildcard over known
 * ones), never `*` nor an owner's own permission, and held by the actor.
 */
function checkPermissions(state: TenancyState, ctx: AdminContext, permissions: readonly string[]): string[] {
  const issues: ValidationIssue[] = [];
  permissions.forEach((permission, i) => {
    const path = `/permissions/${i}`;
    if (permission === '*' || ownerOnlyPermissions.has(permission)) {
      issues.push({ path, code: 'reserved', message: 'belongs to owners only' });
    } else if (!state.catalog.covers(permission)) {
      issues.push({ path, code: 'unknown', message: 'is not a permission of any installed app' });
    }
  });
  if (issues.length > 0) throw validationFailed(issues, 'The role has invalid permissions');
  const unique = [...new Set(permissions)].sort();
  assertGrantable(ctx, new Set(unique), '/permissions');
  return unique;
}

async function memberCounts(tx: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await executeRows<{ role: string; n: number }>(
    tx,
    sql`select role, count(*)::int as n from prefiq.memberships where tenant_id = ${tenantId} group by role`,
  );
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

const roleColumns = {
  key: roles.key,
  name: roles.name,
  description: roles.description,
  builtIn: roles.builtIn,
  permissions: roles.permissions,
};

type RoleRow = Omit<Role, 'members'>;

function shown(state: TenancyState, row: RoleRow, members: number): Role {
  const permissions =
    row.builtIn && isBuiltInRole(row.key) ? builtInPermissionList(row.key, state.catalog) : row.permissions;
  return { ...row, permissions, members };
}

/** The tenant's roles: the four built-in ones first, then its own by key. */
export async function listRoles(state: TenancyState, ctx: AdminContext): Promise<Role[]> {
  return inTenant(state, ctx, async (tx) => {
    const [rows, counts] = await Promise.all([
      tx
        .select(roleColumns)
        .from(roles)
        .where(eq(roles.tenantId, ctx.tenantId))
        .orderBy(desc(roles.builtIn), roles.key)
        .limit(tenancyListLimit),
      memberCounts(tx, ctx.tenantId),
    ]);
    const order = (r: RoleRow) => (r.builtIn ? ['owner', 'admin', 'member', 'viewer'].indexOf(r.key) : 10);
    return rows
      .sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key))
      .map((row) => shown(state, row, counts.get(row.key) ?? 0));
  });
}

async function roleRow(tx: Db, tenantId: string, key: string): Promise<RoleRow> {
  const [row] = await tx
    .select(roleColumns)
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.key, key)));
  if (row === undefined) throw new DomainError('NOT_FOUND', `No role ${key} in this tenant`);
  return row;
}

export async function getRole(state: TenancyState, ctx: AdminContext, key: string): Promise<Role> {
  return inTenant(state, ctx, async (tx) => {
    const row = await roleRow(tx, ctx.tenantId, key);
    return shown(state, row, (await memberCounts(tx, ctx.tenantId)).get(key) ?? 0);
  });
}

function permissionChanges(before: readonly string[], after: readonly string[]) {
  const granted = after.filter((p) => !before.includes(p));
  const revoked = before.filter((p) => !after.includes(p));
  return { granted, revoked };
}

function permissionAudit(key: string, before: readonly string[], after: readonly string[]) {
  const { granted, revoked } = permissionChanges(before, after);
  return [
    ...(granted.length === 0
      ? []
      : [
          {
            action: 'permission_granted',
            entity: 'prefiq.role',
            recordId: key,
            metadata: { permissions: granted },
          },
        ]),
    ...(revoked.length === 0
      ? []
      : [
          {
            action: 'permission_revoked',
            entity: 'prefiq.role',
            recordId: key,
            metadata: { permissions: revoked },
          },
        ]),
  ];
}

/**
 * Creates a custom role with an explicit permission set.
 *
 * @throws {DomainError} 422 (a built-in key, unknown or reserved permissions), 403 (a permission the
 * actor lacks), 409 `UNIQUE_VIOLATION` on `/key`
 */
export async function createRole(state: TenancyState, ctx: AdminContext, input: RoleInput): Promise<Role> {
  if (isBuiltInRole(input.key)) {
    throw validationFailed([{ path: '/key', code: 'reserved', message: 'names a built-in role' }]);
  }
  const permissions = checkPermissions(state, ctx, input.permissions);
  try {
    const row = await inTenant(state, ctx, async (tx) => {
      const [created] = await tx
        .insert(roles)
        .values({
          tenantId: ctx.tenantId,
          key: input.key,
          name: input.name,
          description: input.description ?? null,
          permissions,
        })
        .returning(roleColumns);
      await audit(tx, ctx, [
        {
          action: 'create',
          entity: 'prefiq.role',
          recordId: input.key,
          diff: { name: { after: input.name } },
        },
        ...permissionAudit(input.key, [], permissions),
      ]);
      return created;
    });
    if (row === undefined) throw new Error('insert returned no role');
    invalidate(state);
    return shown(state, row, 0);
  } catch (error) {
    if (pgErrorOf(error)?.code === '23505') {
      throw new DomainError('UNIQUE_VIOLATION', 'The tenant already has a role with this key', {
        issues: [{ path: '/key', code: 'unique', message: 'is already used by another role' }],
        cause: error,
      });
    }
    throw error;
  }
}

/** Changes a custom role's name, description or permissions; built-in roles do not change (403). */
export async function updateRole(
  state: TenancyState,
  ctx: AdminContext,
  key: string,
  patch: Partial<Omit<RoleInput, 'key'>>,
): Promise<Role> {
  const permissions =
    patch.permissions === undefined ? undefined : checkPermissions(state, ctx, patch.permissions);
  const role = await inTenant(state, ctx, async (tx) => {
    const before = await roleRow(tx, ctx.tenantId, key);
    if (before.builtIn) throw new DomainError('FORBIDDEN', `The built-in role ${key} cannot be changed`);
    const next = {
      name: patch.name ?? before.name,
      description: patch.description === undefined ? before.description : patch.description,
      permissions: permissions ?? before.permissions,
    };
    const [after] = await tx
      .update(roles)
      .set({ ...next, updatedAt: sql`now()` })
      .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.key, key)))
      .returning(roleColumns);
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    if (next.name !== before.name) diff.name = { before: before.name, after: next.name };
    if (next.description !== before.description)
      diff.description = { before: before.description, after: next.description };
    await audit(tx, ctx, [
      ...(Object.keys(diff).length === 0
        ? []
        : [{ action: 'update', entity: 'prefiq.role', recordId: key, diff }]),
      ...permissionAudit(key, before.permissions, next.permissions),
    ]);
    return shown(state, after ?? before, (await memberCounts(tx, ctx.tenantId)).get(key) ?? 0);
  });
  invalidate(state);
  return role;
}

/** Deletes a custom role no member has (409 `ROLE_IN_USE` otherwise); built-in roles stay (403). */
export async function deleteRole(state: TenancyState, ctx: AdminContext, key: string): Promise<void> {
  await inTenant(state, ctx, async (tx) => {
    const before = await roleRow(tx, ctx.tenantId, key);
    if (before.builtIn) throw new DomainError('FORBIDDEN', `The built-in role ${key} cannot be deleted`);
    const members = (await memberCounts(tx, ctx.tenantId)).get(key) ?? 0;
    if (members > 0) {
      throw new DomainError('ROLE_IN_USE', `${members} member(s) still have the role ${key}`, {
        extensions: { members },
      });
    }
    await tx.delete(roles).where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.key, key)));
    await audit(tx, ctx, [
      { action: 'delete', entity: 'prefiq.role', recordId: key, diff: { name: { before: before.name } } },
      ...permissionAudit(key, before.permissions, []),
    ]);
  }).catch((error: unknown) => {
    // a member given the role meanwhile: the foreign key refused the delete
    if (pgErrorOf(error)?.code === '23503')
      throw new DomainError('ROLE_IN_USE', `Members still have the role ${key}`);
    throw error;
  });
  invalidate(state);
}
