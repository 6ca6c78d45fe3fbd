import type { Db } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';

/** A user's standing in one tenant, as tenancy knows it. */
export interface TenantAccess {
  roles: readonly string[];
  /** `app:resource:action`, `app:*`, `*` */
  permissions: readonly string[];
}

/**
 * What identity needs from tenancy (`src/tenancy`): the roles and permissions of a user in a
 * tenant. Called on every authenticated request to `/api/<app>/*`, so it should be cheap (tenancy
 * caches it).
 *
 * `undefined` (or a thrown 403 `DomainError`, to say why) when the user gets no access.
 */
export type AccessResolver = (userId: string, tenantId: string) => Promise<TenantAccess | undefined>;

/** Tenancy's answer to "which tenant does this user land in after signing in", if any. */
export type DefaultTenantResolver = (userId: string) => Promise<string | undefined>;

export interface TenancyPort {
  resolveAccess: AccessResolver;
  defaultTenant?: DefaultTenantResolver;
  /** whether a tenant is suspended: the trusted context (no user) is refused there too */
  tenantSuspended?: (tenantId: string) => Promise<boolean>;
}

/** Until tenancy is wired: nobody is a member of anything (fail closed). */
export const noTenancy: TenancyPort = { resolveAccess: async () => undefined };

/**
 * The access of a user in a tenant, or the 403 to answer with.
 *
 * @throws {DomainError} NOT_A_MEMBER when the resolver says `undefined`; its own 403 when it throws one
 */
export async function requireAccess(
  tenancy: TenancyPort,
  userId: string,
  tenantId: string,
): Promise<TenantAccess> {
  const access = await tenancy.resolveAccess(userId, tenantId);
  if (access === undefined)
    throw new DomainError('NOT_A_MEMBER', `You have no access to the tenant ${tenantId}`);
  return access;
}

export type AuthEventAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.lockout'
  | 'auth.logout'
  | 'auth.logout_all'
  | 'auth.session_revoked'
  | 'auth.refresh_reuse'
  | 'auth.tenant_switched'
  | 'auth.password_changed'
  | 'auth.password_reset'
  | 'auth.email_verified'
  | 'auth.mfa_enabled'
  | 'auth.mfa_disabled'
  | 'auth.mfa_recovery_code_used'
  | 'auth.api_key_created'
  | 'auth.api_key_revoked'
  | 'auth.oidc_linked';

/** One security event, for the audit log. Never holds a secret. */
export interface AuthEvent {
  action: AuthEventAction;
  /** who did it, when known */
  actorId?: string | undefined;
  tenantId?: string | undefined;
  /** what it was done to: a session, an API key, a user */
  subject?: { type: 'user' | 'session' | 'api_key'; id: string } | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
  /** small facts: `{ email }` of a failed sign-in, `{ reason }` of a revocation */
  details?: Record<string, unknown>;
}

/**
 * What identity needs from audit (`src/audit`): record one event, inside the transaction of the
 * change when `tx` is given (so both commit together), else on its own.
 */
export type AuthEventRecorder = (event: AuthEvent, tx?: Db) => Promise<void>;
