import { DomainError } from '../errors/domain-error.js';

/** What a user may do in a tenant: resolved per request by `resolveAccess`. */
export interface Access {
  tenantId: string;
  userId: string;
  /** the membership's role: a built-in one (`owner`, `admin`, `member`, `viewer`) or the tenant's own */
  roles: readonly string[];
  /** `app:resource:action` (and `*` for the owner); see `hasPermission` */
  permissions: ReadonlySet<string>;
}

/** Why a user gets no access to a tenant. */
export type AccessRefusalCode = 'TENANT_SUSPENDED' | 'NOT_A_MEMBER';

export interface AccessRefusal {
  refusal: AccessRefusalCode;
  message: string;
}

export function isRefusal(result: Access | AccessRefusal): result is AccessRefusal {
  return 'refusal' in result;
}

/**
 * The error to answer a refusal with: 403 `TENANT_SUSPENDED` or 403 `NOT_A_MEMBER`, as
 * problem+json.
 *
 * @example
 * const access = await tenancy.resolveAccess({ userId, tenantId });
 * if (isRefusal(access)) throw refusalError(access);
 */
export function refusalError(refusal: AccessRefusal): DomainError {
  return new DomainError(refusal.refusal, refusal.message);
}
