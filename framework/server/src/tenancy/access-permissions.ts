import { DomainError } from '../errors/domain-error.js';
import type { PermissionResolver } from '../http/operation-router.js';
import { isRefusal, refusalError } from './access.js';
import type { Tenancy } from './create-tenancy.js';

export interface AccessPermissionsOptions {
  tenancy: Tenancy;
  /**
   * what a request without a signed-in user gets: development's and tests' trusted header grants
   * `*`; nothing elsewhere (fail closed)
   */
  anonymous?: ReadonlySet<string>;
}

/**
 * The permission resolver of the operation router, backed by tenancy: a signed-in user gets the
 * permissions of their role in the request's tenant (and `roles` is set for record policies); a
 * request without a user gets `anonymous`. Either way a suspended tenant is refused (403
 * `TENANT_SUSPENDED`), as is a user who is not a member (403 `NOT_A_MEMBER`).
 *
 * @example
 * createHttpApp({ ..., permissions: accessPermissions({ tenancy, anonymous: new Set(['*']) }) });
 */
export function accessPermissions({
  tenancy,
  anonymous = new Set(),
}: AccessPermissionsOptions): PermissionResolver {
  return async (c) => {
    const tenantId = c.get('tenantId');
    const userId = c.get('userId');
    if (userId === undefined) {
      if ((await tenancy.tenantStatus(tenantId)) === 'suspended') {
        throw new DomainError('TENANT_SUSPENDED', `The tenant ${tenantId} is suspended`);
      }
      return anonymous;
    }
    const access = await tenancy.resolveAccess({ userId, tenantId });
    if (isRefusal(access)) throw refusalError(access);
    c.set('roles', access.roles);
    return access.permissions;
  };
}

/**
 * Wraps another permission resolver (authentication's) so that a signed-in user's roles are in
 * the request's context too (`c.get('roles')`), which record policies narrow; the permissions stay
 * the wrapped resolver's. A no-op where something already set the roles.
 *
 * @example
 * createHttpApp({ ..., permissions: withRoles(identity.http.resolvers.permissions, tenancy) });
 */
export function withRoles(permissions: PermissionResolver, tenancy: Tenancy): PermissionResolver {
  return async (c) => {
    const granted = await permissions(c);
    const userId = c.get('userId');
    if (userId !== undefined && c.get('roles') === undefined) {
      // cached: authentication asked the same question for this request moments ago
      const access = await tenancy.resolveAccess({ userId, tenantId: c.get('tenantId') });
      c.set('roles', isRefusal(access) ? [] : access.roles);
    }
    return granted;
  };
}
