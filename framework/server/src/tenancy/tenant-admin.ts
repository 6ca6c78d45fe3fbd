import { randomUUID } from 'node:crypto';
import type { TenancyContract } from '@codexion/contracts/tenancy/contract';
import { isUuid } from '@codexion/schema';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { DomainError } from '../errors/domain-error.js';
import type { Access, AccessRefusal } from './access.js';
import { builtInRoleNames, builtInRoles, isBuiltInRole } from './built-in-roles.js';
import { tenancyListLimit } from './tenancy-list-limit.js';
import { type AdminContext, audit, inTenant, invalidate, type TenancyState } from './tenancy-state.js';
import { memberships, roles, type TenantStatus, tenants } from './tenancy-tables.js';

/** A tenant as the API shows it. */
export interface Tenant {
  id: string;
  name: string;
  slug: string;
  status: TenantStatus;
  createdAt: string;
  updatedAt: string;
}

/** One of a user's tenants, for signing in and switching tenants. */
export interface Membership {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  tenantStatus: TenantStatus;
  /** the role's key (`owner`, `admin`, `member`, `viewer`, or a custom role's) */
  role: string;
  roleName: string;
}

export interface CreateTenantInput {
  /** a uuid; a new one unless given */
  id?: string;
  name: string;
  /** `[a-z0-9][a-z0-9-]*`, unique */
  slug: string;
  /** the user who becomes its owner */
  ownerId?: string;
}

/**
 * The framework's event of a new tenant, `{ tenantId, name }`, written to the outbox in the
 * tenant's creating transaction and in the new tenant (ADR 0018 "Framework events"). Declared with
 * its payload in `framework/contracts/tenancy/app.json`, where apps' codegen reads it
 * (`consumes: [{ app: "prefiq", event: "prefiq.tenant.created" }]`).
 */
export const tenantCreatedEvent = 'prefiq.tenant.created' satisfies keyof TenancyContract['events'];

const tenantColumns = {
  id: tenants.id,
  name: tenants.name,
  slug: tenants.slug,
  status: tenants.status,
  createdAt: tenants.createdAt,
  updatedAt: tenants.updatedAt,
};

function isoOf(tenant: Tenant): Tenant {
  // timestamps as the API shows them everywhere: ISO 8601 UTC with milliseconds
  return {
    ...tenant,
    createdAt: new Date(tenant.createdAt).toISOString(),
    updatedAt: new Date(tenant.updatedAt).toISOString(),
  };
}

function refusal(code: AccessRefusal['refusal'], tenantId: string): AccessRefusal {
  return code === 'TENANT_SUSPENDED'
    ? { refusal: code, message: `The tenant ${tenantId} is suspended` }
    : { refusal: code, message: `You are not a member of the tenant ${tenantId}` };
}

/**
 * The access of a user in a tenant: the membership's role and its permissions (a built-in role's
 * expanded from the catalogue, a custom role's as stored). Not a member, or an unknown tenant:
 * `NOT_A_MEMBER`; a member of a suspended tenant: `TENANT_SUSPENDED`. Cached per node for
 * `accessCacheTtlMs`; any tenancy change on this node clears the cache.
 */
export async function resolveAccess(
  state: TenancyState,
  { userId, tenantId }: { userId: string; tenantId: string },
): Promise<Access | AccessRefusal> {
  if (!isUuid(userId) || !isUuid(tenantId)) return refusal('NOT_A_MEMBER', tenantId);
  const key = `${tenantId.toLowerCase()} ${userId.toLowerCase()}`;
  const cached = state.access.get(key);
  if (cached !== undefined) return cached;
  const [row] = await state.database.transaction(
    (tx) =>
      tx
        .select({
          status: tenants.status,
          role: memberships.role,
          builtIn: roles.builtIn,
          permissions: roles.permissions,
        })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .innerJoin(roles, and(eq(roles.tenantId, memberships.tenantId), eq(roles.key, memberships.role)))
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId))),
    { tenantId, userId },
  );
  let result: Access | AccessRefusal;
  if (row === undefined) result = refusal('NOT_A_MEMBER', tenantId);
  else if (row.status !== 'active') result = refusal('TENANT_SUSPENDED', tenantId);
  else {
    result = {
      tenantId: tenantId.toLowerCase(),
      userId: userId.toLowerCase(),
      roles: [row.role],
      permissions:
        row.builtIn && isBuiltInRole(row.role) ? state.builtIn[row.role] : new Set(row.permissions),
    };
  }
  state.access.set(key, result);
  return result;
}

/**
 * The status of a tenant (`undefined` for one that does not exist), cached like access: what a
 * request without a user (development's trusted header) is checked against.
 */
export async function tenantStatus(state: TenancyState, tenantId: string): Promise<TenantStatus | undefined> {
  if (!isUuid(tenantId)) return undefined;
  const cached = state.status.get(tenantId);
  if (cached !== undefined) return cached === 'unknown' ? undefined : cached;
  const [row] = await state.database.transaction(
    (tx) => tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)),
    { tenantId },
  );
  state.status.set(tenantId, row?.status ?? 'unknown');
  return row?.status;
}

/** Every tenant a user is a member of, by name: what signing in and switching tenants offer. */
export async function listMemberships(state: TenancyState, userId: string): Promise<Membership[]> {
  if (!isUuid(userId)) return [];
  // no tenant: row-level security shows the user's own memberships (app.user_id), in every tenant
  return state.database.transaction(
    (tx) =>
      tx
        .select({
          tenantId: memberships.tenantId,
          tenantName: tenants.name,
          tenantSlug: tenants.slug,
          tenantStatus: tenants.status,
          role: memberships.role,
          roleName: roles.name,
        })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .innerJoin(roles, and(eq(roles.tenantId, memberships.tenantId), eq(roles.key, memberships.role)))
        .where(eq(memberships.userId, userId))
        .orderBy(tenants.name, tenants.id)
        .limit(tenancyListLimit),
    { userId },
  );
}

async function insertTenant(tx: Db, id: string, input: CreateTenantInput): Promise<Tenant> {
  const [created] = await tx
    .insert(tenants)
    .values({ id, name: input.name, slug: input.slug })
    .returning(tenantColumns);
  if (created === undefined) throw new Error('insert returned no tenant');
  await tx
    .insert(roles)
    .values(builtInRoles.map((key) => ({ tenantId: id, key, name: builtInRoleNames[key], builtIn: true })));
  return created;
}

function tenantWriteError(error: unknown): unknown {
  const info = pgErrorOf(error);
  if (info?.code === '23505' && info.constraint === 'tenants_slug_key') {
    return new DomainError('UNIQUE_VIOLATION', 'Another tenant has this slug', {
      issues: [{ path: '/slug', code: 'unique', message: 'is already used by another tenant' }],
      cause: error,
    });
  }
  if (info?.code === '23505' && info.constraint === 'tenants_pkey') {
    return new DomainError('CONFLICT', 'The tenant already exists', { cause: error });
  }
  if (info?.code === '23503' && info.constraint === 'memberships_user_id_fkey') {
    return new DomainError('VALIDATION_FAILED', 'No such user', {
      issues: [{ path: '/ownerId', code: 'reference', message: 'is not a user' }],
      cause: error,
    });
  }
  return error;
}

/**
 * Creates a tenant with its four built-in roles and, given `ownerId`, its first owner; audited in
 * the new tenant's log, with a `prefiq.tenant.created` event in the outbox. The transaction runs in the new tenant, which row-level security checks.
 *
 * @throws {DomainError} 409 `UNIQUE_VIOLATION` on `/slug`, 422 for an unknown owner
 */
export async function createTenant(
  state: TenancyState,
  input: CreateTenantInput,
  actor: Pick<AdminContext, 'userId' | 'requestId'> = {},
): Promise<Tenant> {
  const id = (input.id ?? randomUUID()).toLowerCase();
  const ctx: AdminContext = { ...actor, tenantId: id, permissions: new Set() };
  try {
    const tenant = await inTenant(state, ctx, async (tx) => {
      const created = await insertTenant(tx, id, input);
      if (input.ownerId !== undefined) {
        await tx.insert(memberships).values({ tenantId: id, userId: input.ownerId, role: 'owner' });
      }
      await audit(tx, ctx, [
        { action: 'create', entity: 'prefiq.tenant', recordId: id, metadata: { slug: input.slug } },
        ...(input.ownerId === undefined
          ? []
          : [
              {
                action: 'role_assigned',
                entity: 'prefiq.membership',
                recordId: input.ownerId,
                diff: { role: { after: 'owner' } },
              },
            ]),
      ]);
      await state.writeEvent(tx, {
        tenantId: id,
        name: tenantCreatedEvent,
        aggregateKey: `prefiq.tenant:${id}`,
        payload: {
          tenantId: id,
          name: input.name,
        } satisfies TenancyContract['events'][typeof tenantCreatedEvent],
        requestId: actor.requestId,
      });
      return created;
    });
    invalidate(state);
    return isoOf(tenant);
  } catch (error) {
    throw tenantWriteError(error);
  }
}

/**
 * Makes sure a tenant the configuration names exists (the development default tenant,
 * `tenants.<uuid>`), without an owner; `true` when this call created it. Concurrent boots are fine.
 */
export async function ensureTenant(
  state: TenancyState,
  input: Required<Pick<CreateTenantInput, 'id' | 'name' | 'slug'>>,
): Promise<boolean> {
  const [found] = await state.database.transaction(
    (tx) => tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, input.id)),
    { tenantId: input.id },
  );
  if (found !== undefined) return false;
  try {
    await createTenant(state, input);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}

export async function getTenant(state: TenancyState, tenantId: string): Promise<Tenant | undefined> {
  if (!isUuid(tenantId)) return undefined;
  const [row] = await state.database.transaction(
    (tx) => tx.select(tenantColumns).from(tenants).where(eq(tenants.id, tenantId)),
    { tenantId },
  );
  return row === undefined ? undefined : isoOf(row);
}

/** Renames the actor's tenant. */
export async function updateTenant(
  state: TenancyState,
  ctx: AdminContext,
  { name }: { name: string },
): Promise<Tenant> {
  const row = await inTenant(state, ctx, async (tx) => {
    const [before] = await tx.select(tenantColumns).from(tenants).where(eq(tenants.id, ctx.tenantId));
    if (before === undefined) throw new DomainError('NOT_FOUND', 'No such tenant');
    if (before.name === name) return before;
    const [after] = await tx
      .update(tenants)
      .set({ name, updatedAt: sql`now()` })
      .where(eq(tenants.id, ctx.tenantId))
      .returning(tenantColumns);
    await audit(tx, ctx, [
      {
        action: 'update',
        entity: 'prefiq.tenant',
        recordId: ctx.tenantId,
        diff: { name: { before: before.name, after: name } },
      },
    ]);
    return after ?? before;
  });
  return isoOf(row);
}

/**
 * Suspends or reactivates a tenant: a suspended tenant's requests are refused (403
 * `TENANT_SUSPENDED`) at once on this node, within `accessCacheTtlMs` on the others.
 */
export async function setTenantStatus(
  state: TenancyState,
  tenantId: string,
  status: TenantStatus,
  actor: Pick<AdminContext, 'userId' | 'requestId'> = {},
): Promise<Tenant> {
  const ctx: AdminContext = { ...actor, tenantId, permissions: new Set() };
  const row = await inTenant(state, ctx, async (tx) => {
    const [before] = await tx.select(tenantColumns).from(tenants).where(eq(tenants.id, tenantId));
    if (before === undefined) throw new DomainError('NOT_FOUND', `No tenant ${tenantId}`);
    if (before.status === status) return before;
    const [after] = await tx
      .update(tenants)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(tenants.id, tenantId))
      .returning(tenantColumns);
    await audit(tx, ctx, [
      {
        action: status === 'suspended' ? 'tenant_suspended' : 'tenant_reactivated',
        entity: 'prefiq.tenant',
        recordId: tenantId,
        diff: { status: { before: before.status, after: status } },
      },
    ]);
    return after ?? before;
  });
  invalidate(state);
  return isoOf(row);
}

/** How many owners a tenant has: the last one cannot leave or be demoted. */
export async function ownerCount(tx: Db, tenantId: string): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from prefiq.memberships where tenant_id = ${tenantId} and role = 'owner'`,
  );
  return Number(row?.n ?? 0);
}
