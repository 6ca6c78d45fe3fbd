import type { AuditActor, AuditEntry } from '../audit/audit-entry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database, Db } from '../data/database.js';
import type { Access, AccessRefusal } from './access.js';
import { type BuiltInRole, builtInPermissions, builtInRoles } from './built-in-roles.js';
import type { PermissionCatalog } from './permission-catalog.js';
import type { TenantStatus } from './tenancy-tables.js';
import { TtlCache } from './ttl-cache.js';

/** Who administers a tenant in a call: the acting user's tenant, id and permissions. */
export interface AdminContext {
  tenantId: string;
  /** absent for the system (boot, operators' tools) */
  userId?: string | undefined;
  /** what the actor may do; grants are checked against it (no one grants what they lack) */
  permissions: ReadonlySet<string>;
  requestId?: string | undefined;
}

/** What the tenancy operations share, made once by `createTenancy`. */
export interface TenancyState {
  database: Database;
  catalog: PermissionCatalog;
  builtIn: Readonly<Record<BuiltInRole, ReadonlySet<string>>>;
  access: TtlCache<Access | AccessRefusal>;
  status: TtlCache<TenantStatus | 'unknown'>;
}

export function createState(
  database: Database,
  catalog: PermissionCatalog,
  cacheTtlMs: number,
): TenancyState {
  const builtIn = Object.fromEntries(
    builtInRoles.map((role) => [role, builtInPermissions(role, catalog)]),
  ) as Record<BuiltInRole, ReadonlySet<string>>;
  return {
    database,
    catalog,
    builtIn,
    access: new TtlCache(cacheTtlMs),
    status: new TtlCache(cacheTtlMs),
  };
}

/**
 * Forgets every cached answer after a change on this node. Other nodes see the change when their
 * entries expire (`accessCacheTtlMs`, 5 s by default).
 */
export function invalidate(state: TenancyState): void {
  state.access.clear();
  state.status.clear();
}

/** A transaction in the actor's tenant (as the tenant role: row-level security applies). */
export function inTenant<T>(
  state: TenancyState,
  ctx: AdminContext,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  return state.database.transaction(work, {
    tenantId: ctx.tenantId,
    ...(ctx.userId === undefined ? {} : { userId: ctx.userId }),
  });
}

function actorOf(ctx: AdminContext): AuditActor {
  return ctx.userId === undefined ? { type: 'system', id: 'tenancy' } : { type: 'user', id: ctx.userId };
}

/** Records tenancy changes in the tenant's audit log, in the transaction of the change. */
export async function audit(
  tx: Db,
  ctx: AdminContext,
  entries: readonly Omit<AuditEntry, 'tenantId' | 'actor' | 'requestId'>[],
): Promise<void> {
  if (entries.length === 0) return;
  await recordAudit(
    tx,
    entries.map((entry) => ({
      ...entry,
      tenantId: ctx.tenantId,
      actor: actorOf(ctx),
      ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
    })),
  );
}
