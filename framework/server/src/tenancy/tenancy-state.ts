import type { AuditActor, AuditEntry } from '../audit/audit-entry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database, Db } from '../data/database.js';
import { joinTransaction, type TransactionScope } from '../data/join-transaction.js';
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

/** One framework event of a tenancy change, as the outbox stores it (ADR 0018 "Framework events"). */
export interface TenancyEvent {
  tenantId: string;
  name: string;
  aggregateKey: string;
  payload: unknown;
  requestId?: string | undefined;
}

/**
 * Appends a tenancy event to the transactional outbox in `tx`: the events floor's
 * `writeOutboxEvent`, handed down by the kernel, since tenancy sits below events (ADR 0024).
 */
export type TenancyEventWriter = (tx: Db, event: TenancyEvent) => Promise<void>;

/** What the tenancy operations share, made once by `createTenancy`. */
export interface TenancyState {
  database: Database;
  catalog: PermissionCatalog;
  builtIn: Readonly<Record<BuiltInRole, ReadonlySet<string>>>;
  access: TtlCache<Access | AccessRefusal>;
  status: TtlCache<TenantStatus | 'unknown'>;
  writeEvent: TenancyEventWriter;
  /** for a state joined to a caller's transaction: the node's state, whose caches its changes clear too */
  node?: TenancyState;
}

export function createState(
  database: Database,
  catalog: PermissionCatalog,
  cacheTtlMs: number,
  writeEvent: TenancyEventWriter,
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
    writeEvent,
  };
}

/**
 * Forgets every cached answer after a change on this node. Other nodes see the change when their
 * entries expire (`accessCacheTtlMs`, 5 s by default).
 */
export function invalidate(state: TenancyState): void {
  state.access.clear();
  state.status.clear();
  if (state.node !== undefined) invalidate(state.node);
}

/**
 * The state of tenancy inside a caller's transaction: its transactions are savepoints of it, and
 * it caches nothing (it sees the caller's uncommitted changes; the node's cache must not keep
 * them). Its changes clear the node's caches as well.
 *
 * @example
 * const joined = joinedState(state, { tx, tenantId, userId });
 */
export function joinedState(state: TenancyState, scope: TransactionScope): TenancyState {
  const node = state.node ?? state;
  return {
    ...node,
    database: joinTransaction(node.database, scope),
    access: new TtlCache(0),
    status: new TtlCache(0),
    node,
  };
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
