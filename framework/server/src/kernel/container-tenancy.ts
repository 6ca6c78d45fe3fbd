import type { Container } from '../foundation/container.js';
import { noTenancy, type TenancyPort } from '../identity/identity-ports.js';
import { isRefusal, refusalError } from '../tenancy/access.js';
import { type Tenancy, TenancyToken } from '../tenancy/create-tenancy.js';

/** Tenancy as identity's port, keeping tenancy's reason for a refusal (`NOT_A_MEMBER`, `TENANT_SUSPENDED`). */
function portOf(tenancy: Tenancy): TenancyPort {
  return {
    async resolveAccess(userId, tenantId) {
      const access = await tenancy.resolveAccess({ userId, tenantId });
      if (isRefusal(access)) throw refusalError(access);
      return { roles: access.roles, permissions: [...access.permissions] };
    },
    defaultTenant: async (userId) =>
      (await tenancy.listMemberships(userId)).find((m) => m.tenantStatus === 'active')?.tenantId,
    tenantSuspended: async (tenantId) => (await tenancy.tenantStatus(tenantId)) === 'suspended',
  };
}

/**
 * Tenancy as the kernel's container has it (`TenancyToken`), looked up on first use rather than
 * at boot, so the order in which the kernel registers tenancy and identity does not matter.
 * Without tenancy, nobody is a member of anything.
 *
 * @example
 * createIdentity({ config, database, logger, tenancy: tenancyFromContainer(container) });
 */
export function tenancyFromContainer(container: Container): TenancyPort {
  let port: TenancyPort | undefined;
  const current = (): TenancyPort => {
    if (port !== undefined) return port;
    if (!container.has(TenancyToken)) return noTenancy;
    port = portOf(container.resolve(TenancyToken));
    return port;
  };
  return {
    resolveAccess: (userId, tenantId) => current().resolveAccess(userId, tenantId),
    defaultTenant: async (userId) => current().defaultTenant?.(userId),
    tenantSuspended: async (tenantId) => (await current().tenantSuspended?.(tenantId)) ?? false,
  };
}
