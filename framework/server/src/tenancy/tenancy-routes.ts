import type { TenancyContract } from '@codexion/contracts/tenancy/contract';
import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { type ContractHandler, type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { tenancyApiName, tenancyOpenApi } from '../http/framework-apis.js';
import type { HttpPlugin } from '../http/operation-router.js';
import type { Tenancy } from './create-tenancy.js';
import type { AdminContext } from './tenancy-state.js';

export interface TenancyHttpPluginOptions {
  tenancy: Tenancy;
}

/** The acting user, their tenant and permissions, as the router set them. */
function adminContext(c: Context<AppEnv>): AdminContext {
  return {
    tenantId: c.get('tenantId'),
    userId: c.get('userId'),
    permissions: c.get('permissions') ?? new Set<string>(),
    requestId: c.get('requestId'),
  };
}

/**
 * The service names a field by its place in the body (`/role`); over HTTP, issues say where in the
 * request they are (`/body/role`), as the router's own validation does.
 */
function inBody<A extends keyof TenancyContract['actions']>(
  work: ContractHandler<TenancyContract, A>,
): ContractHandler<TenancyContract, A> {
  return async (c, input) => {
    try {
      return await work(c, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      throw new DomainError(error.code, error.message, {
        issues: error.issues.map((issue) => ({ ...issue, path: `/body${issue.path}` })),
        status: error.status,
        extensions: error.extensions,
        cause: error,
      });
    }
  };
}

/**
 * The tenant administration API as one more app for the HTTP layer, under `/api/tenancy`: the
 * tenant, its members and roles, role permissions and the permission catalogue. The router checks
 * each operation's `prefiq:*` permission and validates against {@link tenancyOpenApi} (generated from `framework/contracts/tenancy`), its handlers typed by that contract; the
 * service refuses escalation (granting what the caller lacks, touching owners without being one)
 * and audits every role and permission change.
 *
 * @example
 * createHttpApp({ plugins: [tenancyHttpPlugin({ tenancy }), ...apps], ... });
 */
export function tenancyHttpPlugin({ tenancy }: TenancyHttpPluginOptions): HttpPlugin {
  const handlers: ContractHandlers<TenancyContract> = {
    getTenant: async (c) => {
      const tenant = await tenancy.getTenant(c.get('tenantId'));
      if (tenant === undefined) throw new DomainError('NOT_FOUND', 'The tenant does not exist');
      return c.json(tenant);
    },
    updateTenant: inBody(async (c, { body }) => c.json(await tenancy.updateTenant(adminContext(c), body))),
    suspendTenant: async (c) => {
      const ctx = adminContext(c);
      return c.json(await tenancy.setTenantStatus(ctx.tenantId, 'suspended', ctx));
    },
    transferOwnership: inBody(async (c, { body }) => {
      await tenancy.transferOwnership(adminContext(c), body.userId);
      return c.body(null, 204);
    }),
    listMyMemberships: async (c) => {
      const userId = c.get('userId');
      return c.json({ items: userId === undefined ? [] : await tenancy.listMemberships(userId) });
    },
    listMembers: async (c) => c.json({ items: await tenancy.listMembers(adminContext(c)) }),
    changeMemberRole: inBody(async (c, { params, body }) => {
      await tenancy.changeMemberRole(adminContext(c), params.userId, body.role);
      return c.body(null, 204);
    }),
    removeMember: async (c, { params }) => {
      await tenancy.removeMember(adminContext(c), params.userId);
      return c.body(null, 204);
    },
    listRoles: async (c) => c.json({ items: await tenancy.listRoles(adminContext(c)) }),
    createRole: inBody(async (c, { body }) => c.json(await tenancy.createRole(adminContext(c), body), 201)),
    getRole: async (c, { params }) => c.json(await tenancy.getRole(adminContext(c), params.key)),
    updateRole: inBody(async (c, { params, body }) =>
      c.json(await tenancy.updateRole(adminContext(c), params.key, body)),
    ),
    setRolePermissions: inBody(async (c, { params, body }) =>
      c.json(await tenancy.updateRole(adminContext(c), params.key, { permissions: body.permissions })),
    ),
    deleteRole: async (c, { params }) => {
      await tenancy.deleteRole(adminContext(c), params.key);
      return c.body(null, 204);
    },
    listPermissions: async (c) =>
      c.json({
        items: tenancy.catalog.entries.map(({ name, kind, app, description }) => ({
          name,
          kind,
          app,
          ...(description === undefined ? {} : { description }),
        })),
      }),
  };
  return {
    name: tenancyApiName,
    openapi: tenancyOpenApi,
    handlers: operationHandlers<TenancyContract>(handlers),
    builtIn: true,
  };
}
