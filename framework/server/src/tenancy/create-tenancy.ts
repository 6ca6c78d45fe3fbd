import type { AppModel, OpenApiDocument } from '@codexion/schema';
import type { Database } from '../data/database.js';
import type { JoinsTransaction } from '../data/join-transaction.js';
import { createToken } from '../foundation/container.js';
import type { TenancyPort } from '../identity/identity-ports.js';
import { type Access, type AccessRefusal, isRefusal, refusalError } from './access.js';
import {
  addMember,
  changeMemberRole,
  listMembers,
  type Member,
  removeMember,
  transferOwnership,
} from './member-admin.js';
import { type PermissionCatalog, permissionCatalog } from './permission-catalog.js';
import {
  createRole,
  deleteRole,
  getRole,
  listRoles,
  type Role,
  type RoleInput,
  updateRole,
} from './role-admin.js';
import {
  type AdminContext,
  createState,
  joinedState,
  type TenancyEventWriter,
  type TenancyState,
} from './tenancy-state.js';
import type { TenantStatus } from './tenancy-tables.js';
import {
  type CreateTenantInput,
  createTenant,
  ensureTenant,
  getTenant,
  listMemberships,
  type Membership,
  resolveAccess,
  setTenantStatus,
  type Tenant,
  tenantStatus,
  updateTenant,
} from './tenant-admin.js';

export interface TenancyOptions {
  database: Database;
  /** the installed apps: their manifests' permissions make the catalogue */
  models: readonly AppModel[];
  /** the framework's own APIs (tenancy, audit): the `prefiq:*` permissions they name */
  frameworkDocuments?: readonly OpenApiDocument[];
  /** how long a node keeps a user's access and a tenant's status (ms); 0 turns caching off */
  accessCacheTtlMs?: number;
  /** writes tenancy's events (`prefiq.tenant.created`) to the outbox: `writeOutboxEvent` */
  writeEvent: TenancyEventWriter;
}

/**
 * Tenants, memberships, roles and permissions. The resolver (`resolveAccess`,
 * `listMemberships`) is what authentication calls; the rest is tenant administration, each change
 * checked against the actor's permissions and audited in the tenant's log. `inTransaction(ctx)`
 * is the same service inside an action's (a hook's, a subscriber's) transaction: its changes
 * commit or roll back with it; `ctx.services.get(TenancyToken)` hands that one out.
 */
export interface Tenancy extends JoinsTransaction<Tenancy> {
  readonly catalog: PermissionCatalog;
  /** the roles and permissions of a user in a tenant, or why there are none */
  resolveAccess(request: { userId: string; tenantId: string }): Promise<Access | AccessRefusal>;
  /** every tenant the user belongs to, with the role there */
  listMemberships(userId: string): Promise<Membership[]>;
  /** `undefined` for a tenant that does not exist */
  tenantStatus(tenantId: string): Promise<TenantStatus | undefined>;
  createTenant(input: CreateTenantInput, actor?: Pick<AdminContext, 'userId' | 'requestId'>): Promise<Tenant>;
  ensureTenant(input: Required<Pick<CreateTenantInput, 'id' | 'name' | 'slug'>>): Promise<boolean>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  updateTenant(ctx: AdminContext, input: { name: string }): Promise<Tenant>;
  setTenantStatus(
    tenantId: string,
    status: TenantStatus,
    actor?: Pick<AdminContext, 'userId' | 'requestId'>,
  ): Promise<Tenant>;
  listMembers(ctx: AdminContext): Promise<Member[]>;
  addMember(ctx: AdminContext, input: { userId: string; role: string }): Promise<void>;
  changeMemberRole(ctx: AdminContext, userId: string, role: string): Promise<void>;
  removeMember(ctx: AdminContext, userId: string): Promise<void>;
  transferOwnership(ctx: AdminContext, userId: string): Promise<void>;
  listRoles(ctx: AdminContext): Promise<Role[]>;
  getRole(ctx: AdminContext, key: string): Promise<Role>;
  createRole(ctx: AdminContext, input: RoleInput): Promise<Role>;
  updateRole(ctx: AdminContext, key: string, patch: Partial<Omit<RoleInput, 'key'>>): Promise<Role>;
  deleteRole(ctx: AdminContext, key: string): Promise<void>;
}

/** The kernel's tenancy service, for providers and the authentication layer to resolve. */
export const TenancyToken = createToken<Tenancy>('prefiq.tenancy');

/**
 * Creates the tenancy service over the framework's tables (`migrations/tenancy`).
 *
 * @example
 * const tenancy = createTenancy({ database, models: registry.plugins.map((p) => p.model), writeEvent: writeOutboxEvent });
 * const access = await tenancy.resolveAccess({ userId, tenantId });
 * if (isRefusal(access)) throw refusalError(access);
 */
export function createTenancy({
  database,
  models,
  frameworkDocuments = [],
  accessCacheTtlMs = 5_000,
  writeEvent,
}: TenancyOptions): Tenancy {
  const catalog = permissionCatalog({ models, frameworkDocuments });
  return tenancyOver(createState(database, catalog, accessCacheTtlMs, writeEvent));
}

function tenancyOver(state: TenancyState): Tenancy {
  return {
    catalog: state.catalog,
    inTransaction: (scope) => tenancyOver(joinedState(state, scope)),
    resolveAccess: (request) => resolveAccess(state, request),
    listMemberships: (userId) => listMemberships(state, userId),
    tenantStatus: (tenantId) => tenantStatus(state, tenantId),
    createTenant: (input, actor) => createTenant(state, input, actor),
    ensureTenant: (input) => ensureTenant(state, input),
    getTenant: (tenantId) => getTenant(state, tenantId),
    updateTenant: (ctx, input) => updateTenant(state, ctx, input),
    setTenantStatus: (tenantId, status, actor) => setTenantStatus(state, tenantId, status, actor),
    listMembers: (ctx) => listMembers(state, ctx),
    addMember: (ctx, input) => addMember(state, ctx, input),
    changeMemberRole: (ctx, userId, role) => changeMemberRole(state, ctx, userId, role),
    removeMember: (ctx, userId) => removeMember(state, ctx, userId),
    transferOwnership: (ctx, userId) => transferOwnership(state, ctx, userId),
    listRoles: (ctx) => listRoles(state, ctx),
    getRole: (ctx, key) => getRole(state, ctx, key),
    createRole: (ctx, input) => createRole(state, ctx, input),
    updateRole: (ctx, key, patch) => updateRole(state, ctx, key, patch),
    deleteRole: (ctx, key) => deleteRole(state, ctx, key),
  };
}

/**
 * Tenancy as identity's port: access as identity asks for it (`undefined` for a user who is not a
 * member; a suspended tenant throws 403 `TENANT_SUSPENDED`) and the tenant a user lands in after
 * signing in (the first active membership, by tenant name).
 *
 * @example
 * createIdentity({ ..., tenancy: tenancyPort(tenancy) });
 */
export function tenancyPort(tenancy: Tenancy): TenancyPort {
  return {
    resolveAccess: async (userId, tenantId) => {
      const access = await tenancy.resolveAccess({ userId, tenantId });
      if (!isRefusal(access)) return { roles: access.roles, permissions: [...access.permissions] };
      // a member of a suspended tenant hears why (403 TENANT_SUSPENDED); anyone else only "no access"
      if (access.refusal === 'TENANT_SUSPENDED') throw refusalError(access);
      return undefined;
    },
    defaultTenant: async (userId) =>
      (await tenancy.listMemberships(userId)).find((m) => m.tenantStatus === 'active')?.tenantId,
  };
}
