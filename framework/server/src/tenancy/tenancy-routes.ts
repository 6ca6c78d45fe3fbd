import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import type { OperationHandler } from '../http/operation-handler.js';
import type { HttpPlugin } from '../http/operation-router.js';
import type { Tenancy } from './create-tenancy.js';
import type { RoleInput } from './role-admin.js';
import { tenancyApiName, tenancyOpenApi } from './tenancy-openapi.js';
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
function inBody(work: OperationHandler): OperationHandler {
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

/** A body the router has validated against the operation's schema. */
function bodyOf<T>(body: unknown): T {
  return body as T;
}

/**
 * The tenant administration API as one more app for the HTTP layer, under `/api/tenancy`: the
 * tenant, its members and roles, role permissions and the permission catalogue. The router checks
 * each operation's `prefiq:*` permission and validates against {@link tenancyOpenApi}; the
 * service refuses escalation (granting what the caller lacks, touching owners without being one)
 * and audits every role and permission change.
 *
 * @example
 * createHttpApp({ plugins: [tenancyHttpPlugin({ tenancy }), ...apps], ... });
 */
export function tenancyHttpPlugin({ tenancy }: TenancyHttpPluginOptions): HttpPlugin {
  const handlers: Record<string, OperationHandler> = {
    getTenant: async (c) => {
      const tenant = await tenancy.getTenant(c.get('tenantId'));
      if (tenant === undefined) throw new DomainError('NOT_FOUND', 'The tenant does not exist');
      return c.json(tenant);
    },
    updateTenant: async (c, input) =>
      c.json(await tenancy.updateTenant(adminContext(c), bodyOf<{ name: string }>(input.body))),
    suspendTenant: async (c) => {
      const ctx = adminContext(c);
      return c.json(await tenancy.setTenantStatus(ctx.tenantId, 'suspended', ctx));
    },
    transferOwnership: async (c, input) => {
      await tenancy.transferOwnership(adminContext(c), bodyOf<{ userId: string }>(input.body).userId);
      return c.body(null, 204);
    },
    listMyMemberships: async (c) => {
      const userId = c.get('userId');
      return c.json({ items: userId === undefined ? [] : await tenancy.listMemberships(userId) });
    },
    listMembers: async (c) => c.json({ items: await tenancy.listMembers(adminContext(c)) }),
    changeMemberRole: async (c, input) => {
      const { role } = bodyOf<{ role: string }>(input.body);
      await tenancy.changeMemberRole(adminContext(c), input.params.userId ?? '', role);
      return c.body(null, 204);
    },
    removeMember: async (c, input) => {
      await tenancy.removeMember(adminContext(c), input.params.userId ?? '');
      return c.body(null, 204);
    },
    listRoles: async (c) => c.json({ items: await tenancy.listRoles(adminContext(c)) }),
    createRole: async (c, input) =>
      c.json(await tenancy.createRole(adminContext(c), bodyOf<RoleInput>(input.body)), 201),
    getRole: async (c, input) => c.json(await tenancy.getRole(adminContext(c), input.params.key ?? '')),
    updateRole: async (c, input) =>
      c.json(
        await tenancy.updateRole(
          adminContext(c),
          input.params.key ?? '',
          bodyOf<Partial<RoleInput>>(input.body),
        ),
      ),
    setRolePermissions: async (c, input) =>
      c.json(
        await tenancy.updateRole(adminContext(c), input.params.key ?? '', {
          permissions: bodyOf<{ permissions: string[] }>(input.body).permissions,
        }),
      ),
    deleteRole: async (c, input) => {
      await tenancy.deleteRole(adminContext(c), input.params.key ?? '');
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
  const withBody = new Set([
    'updateTenant',
    'transferOwnership',
    'changeMemberRole',
    'createRole',
    'updateRole',
    'setRolePermissions',
  ]);
  for (const id of withBody) {
    const handler = handlers[id];
    if (handler !== undefined) handlers[id] = inBody(handler);
  }
  return { name: tenancyApiName, openapi: tenancyOpenApi, handlers, builtIn: true };
}
