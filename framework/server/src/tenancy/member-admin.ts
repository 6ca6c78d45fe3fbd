import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import { assertGrantable, rolePermissions } from './role-admin.js';
import { tenancyListLimit } from './tenancy-list-limit.js';
import { type AdminContext, audit, inTenant, invalidate, type TenancyState } from './tenancy-state.js';
import { memberships } from './tenancy-tables.js';
import { ownerCount } from './tenant-admin.js';

/** A member of a tenant as the API shows them. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  since: string;
}

/** The permission that owners' memberships (and making owners) need: only owners hold it. */
const transferPermission = 'prefiq:tenant:transfer';

function requireOwnerRights(ctx: AdminContext, what: string): void {
  if (!hasPermission(ctx.permissions, transferPermission)) {
    throw new DomainError('FORBIDDEN', `Only an owner may ${what}`, {
      extensions: { permission: transferPermission },
    });
  }
}

async function membershipOf(tx: Db, tenantId: string, userId: string): Promise<string> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND', `No member ${userId} in this tenant`);
  return row.role;
}

async function keepAnOwner(tx: Db, tenantId: string): Promise<void> {
  if ((await ownerCount(tx, tenantId)) <= 1) {
    throw new DomainError('LAST_OWNER', 'The tenant needs at least one owner: make someone else owner first');
  }
}

export async function listMembers(state: TenancyState, ctx: AdminContext): Promise<Member[]> {
  return inTenant(state, ctx, (tx) =>
    executeRows<Member & Record<string, unknown>>(
      tx,
      sql`select m.user_id as "userId", u.email, u.name, m.role,
                 to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as since
            from prefiq.memberships m join prefiq.users u on u.id = m.user_id
           where m.tenant_id = ${ctx.tenantId}
           order by lower(u.email), m.user_id
           limit ${tenancyListLimit}`,
    ),
  );
}

/**
 * Adds a user to the actor's tenant with a role. The actor must hold every permission of that role
 * (so making owners takes an owner).
 *
 * @throws {DomainError} 403 (escalation), 409 `CONFLICT` (already a member), 422 (unknown user or role)
 */
export async function addMember(
  state: TenancyState,
  ctx: AdminContext,
  { userId, role }: { userId: string; role: string },
): Promise<void> {
  try {
    await inTenant(state, ctx, async (tx) => {
      const granted = await rolePermissions(state, tx, ctx.tenantId, role, '/role');
      assertGrantable(ctx, granted, '/role');
      await tx.insert(memberships).values({ tenantId: ctx.tenantId, userId, role });
      await audit(tx, ctx, [
        {
          action: 'role_assigned',
          entity: 'prefiq.membership',
          recordId: userId,
          diff: { role: { after: role } },
        },
      ]);
    });
  } catch (error) {
    const info = pgErrorOf(error);
    if (info?.code === '23505')
      throw new DomainError('CONFLICT', 'The user is already a member', { cause: error });
    if (info?.code === '23503') {
      throw new DomainError('VALIDATION_FAILED', 'No such user', {
        issues: [{ path: '/userId', code: 'reference', message: 'is not a user' }],
        cause: error,
      });
    }
    throw error;
  }
  invalidate(state);
}

/**
 * Gives a member another role. Owners' memberships, and making someone owner, take an owner; the
 * last owner keeps the role.
 */
export async function changeMemberRole(
  state: TenancyState,
  ctx: AdminContext,
  userId: string,
  role: string,
): Promise<void> {
  await inTenant(state, ctx, async (tx) => {
    const current = await membershipOf(tx, ctx.tenantId, userId);
    if (current === role) return;
    if (current === 'owner') {
      requireOwnerRights(ctx, "change an owner's role");
      await keepAnOwner(tx, ctx.tenantId);
    }
    const granted = await rolePermissions(state, tx, ctx.tenantId, role, '/role');
    assertGrantable(ctx, granted, '/role');
    await tx
      .update(memberships)
      .set({ role, updatedAt: sql`now()` })
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await audit(tx, ctx, [
      {
        action: 'role_changed',
        entity: 'prefiq.membership',
        recordId: userId,
        diff: { role: { before: current, after: role } },
      },
    ]);
  });
  invalidate(state);
}

/** Removes a member; an owner only by an owner, and never the last owner. */
export async function removeMember(state: TenancyState, ctx: AdminContext, userId: string): Promise<void> {
  await inTenant(state, ctx, async (tx) => {
    const current = await membershipOf(tx, ctx.tenantId, userId);
    if (current === 'owner') {
      requireOwnerRights(ctx, 'remove an owner');
      await keepAnOwner(tx, ctx.tenantId);
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await audit(tx, ctx, [
      {
        action: 'role_revoked',
        entity: 'prefiq.membership',
        recordId: userId,
        diff: { role: { before: current } },
      },
    ]);
  });
  invalidate(state);
}

/**
 * Hands the tenant over: the member `userId` becomes owner, the acting owner becomes admin. Only
 * an owner may (the permission `prefiq:tenant:transfer`).
 */
export async function transferOwnership(
  state: TenancyState,
  ctx: AdminContext,
  userId: string,
): Promise<void> {
  requireOwnerRights(ctx, 'transfer the ownership');
  const from = ctx.userId;
  if (from === undefined)
    throw new DomainError('FORBIDDEN', 'Only a signed-in owner may transfer the ownership');
  if (from === userId) throw new DomainError('CONFLICT', 'You already own the tenant');
  await inTenant(state, ctx, async (tx) => {
    const target = await membershipOf(tx, ctx.tenantId, userId);
    const mine = await membershipOf(tx, ctx.tenantId, from);
    if (mine !== 'owner') throw new DomainError('FORBIDDEN', 'Only an owner may transfer the ownership');
    await tx
      .update(memberships)
      .set({ role: 'owner', updatedAt: sql`now()` })
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await tx
      .update(memberships)
      .set({ role: 'admin', updatedAt: sql`now()` })
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, from)));
    await audit(tx, ctx, [
      {
        action: 'role_changed',
        entity: 'prefiq.membership',
        recordId: userId,
        diff: { role: { before: target, after: 'owner' } },
        metadata: { reason: 'ownership_transfer' },
      },
      {
        action: 'role_changed',
        entity: 'prefiq.membership',
        recordId: from,
        diff: { role: { before: 'owner', after: 'admin' } },
        metadata: { reason: 'ownership_transfer' },
      },
    ]);
  });
  invalidate(state);
}
