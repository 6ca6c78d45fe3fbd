/*
 * The shapes the admin pages read, as the server documents them: tenancy and audit in
 * framework/server/src/{tenancy/tenancy-openapi.ts,audit/audit-openapi.ts}, Cortex's own in the
 * Cortex contract (`/api/cortex/*`).
 */
import type { SessionApp, TenantSettings } from '../shell/session-context.js';

export type { TenantSettings };

/** `{ items }` lists, as every list endpoint here answers. */
export interface ItemList<T> {
  items: T[];
}

/** `GET tenancy/tenant` */
export interface Tenant {
  id: string;
  name: string;
  slug: string;
  status: 'active' | 'suspended';
  createdAt: string;
  updatedAt: string;
}

/** `GET tenancy/members` */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  since: string;
}

/** `GET tenancy/roles` */
export interface Role {
  key: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  permissions: string[];
  members: number;
}

/** `GET tenancy/permissions`: one entry of the catalogue. */
export interface CatalogPermission {
  name: string;
  kind: 'crud' | 'action' | 'field' | 'pii' | 'framework';
  app: string;
  description?: string;
}

/** `GET tenancy/memberships`: one of the caller's tenants. */
export interface Membership {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  tenantStatus: 'active' | 'suspended';
  role: string;
  roleName: string;
}

/** `GET cortex/invitations` */
export interface Invitation {
  id: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  invitedBy: string | null;
  acceptedAt: string | null;
  createdAt: string;
}

/** `POST cortex/invitations` answers the invitation and the link to send. */
export interface CreatedInvitation {
  invitation: Invitation;
  /** `/invite/<token>`, relative to the console's origin */
  link: string;
}

/** `GET cortex/apps` */
export type AppInfo = SessionApp;

/** `POST cortex/tenants` */
export interface CreatedTenant {
  id: string;
  name: string;
  status: string;
}

/** One field's change in an audit entry; a side is absent where the field was not there. */
export interface AuditChange {
  before?: unknown;
  after?: unknown;
}

/** `GET audit/log` entries */
export interface AuditEntry {
  tenantId: string;
  seq: number;
  at: string;
  actorType: 'user' | 'api_key' | 'system';
  actor: string;
  action: string;
  entity: string | null;
  recordId: string | null;
  diff: Record<string, AuditChange> | null;
  requestId: string | null;
  metadata: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

/** One page of the audit log, newest first. */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** `GET cortex/system` */
export interface SystemInfo {
  version: string;
  node: string;
  uptimeSeconds: number;
  startedAt: string;
  database: 'pglite' | 'postgres';
  checks: Record<string, ReadinessCheck>;
  apps: { name: string; version: string }[];
  memory: { rssBytes: number; heapUsedBytes: number };
  requests: { total: number; errors5xx: number; inFlight: number; p50Ms?: number; p95Ms?: number };
}

/** One readiness check of `/readyz` (and of `cortex/system`). */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
}
