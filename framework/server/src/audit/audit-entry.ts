import type { AuditActor, AuditActorType } from '../http/audit-actor.js';

export type { AuditActor, AuditActorType } from '../http/audit-actor.js';

/**
 * What happened. The resource engine writes the first five; authentication and tenancy use the
 * others but the last; `audit.entry_set_aside` is the marker `prefiq.audit_set_aside` puts in the
 * place of an entry that could not be sealed. Any lower-case `a-z0-9_.` name (at most 63
 * characters) is accepted.
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'transition'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'mfa_enabled'
  | 'mfa_disabled'
  | 'mfa_failed'
  | 'password_changed'
  | 'api_key_created'
  | 'api_key_revoked'
  | 'role_assigned'
  | 'role_revoked'
  | 'role_changed'
  | 'permission_granted'
  | 'permission_revoked'
  | 'audit.entry_set_aside'
  | (string & {});

/** One changed field: its value before and after; a side is absent where the field was. */
export interface AuditFieldChange {
  before?: unknown;
  after?: unknown;
}

/** Only the fields that changed, by name, personal data masked (see `auditDiff`). */
export type AuditDiff = Record<string, AuditFieldChange>;

/** What `recordAudit` appends: one event about one thing, in one tenant's chain. */
export interface AuditEntry {
  /**
   * the tenant whose chain the entry joins (a uuid); events that belong to no tenant (a failed
   * sign-in of an unknown account) go to {@link platformTenantId}
   */
  tenantId: string;
  actor: AuditActor;
  action: AuditAction;
  /** `<app>.<entity>` (`sales.account`; the framework's own: `prefiq.user`, `prefiq.role`) */
  entity?: string | undefined;
  /** the record's id (a uuid, or another key such as a role name) */
  recordId?: string | undefined;
  /** changed fields only, with personal data already masked; build it with `auditDiff` */
  diff?: AuditDiff | undefined;
  requestId?: string | undefined;
  /**
   * context that is not a field change (`{ method: 'password', reason: 'bad_password' }`); it is
   * kept as given, so it must not hold personal data or secrets
   */
  metadata?: Record<string, unknown> | undefined;
}

/** A stored audit row, as `recordAudit` appended it and the API and `verifyAuditChain` read it. */
export interface AuditRecord {
  tenantId: string;
  /** 1, 2, 3, … in the tenant's chain */
  seq: number;
  /** the transaction's time, ISO 8601 UTC with milliseconds */
  at: string;
  actorType: AuditActorType;
  /** the user's id, the API key's id, or `'system'` */
  actor: string;
  action: string;
  entity: string | null;
  recordId: string | null;
  diff: AuditDiff | null;
  requestId: string | null;
  metadata: Record<string, unknown> | null;
  /** `hash` of the previous row of the tenant's chain; 64 zeros for the first */
  prevHash: string;
  /** sha256(prevHash ‖ canonical row), lower-case hex */
  hash: string;
}

/** The acting system, for writes no person or key asked for. */
export const systemActor: AuditActor = { type: 'system' };

/** The chain of events that belong to no tenant (sign-ins of unknown accounts, platform jobs). */
export const platformTenantId = '00000000-0000-0000-0000-000000000000';

/** `prevHash` of a chain's first row. */
export const genesisHash = '0'.repeat(64);
