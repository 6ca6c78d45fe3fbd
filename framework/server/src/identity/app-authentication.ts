import { isUuid } from '@codexion/schema';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { countRefusal } from '../http/count-refusal.js';
import { hasPermission, type PermissionResolver } from '../http/operation-router.js';
import {
  type TenantResolver,
  tenantFromHeader,
  tenantHeader,
  type UserResolver,
} from '../http/tenant-context.js';
import { authProblemOf } from './auth-problem.js';
import type { Authenticator, Principal } from './authenticator.js';
import type { IdentityContext } from './identity-context.js';
import { unauthenticated } from './identity-errors.js';
import { requireAccess } from './identity-ports.js';

const everything: ReadonlySet<string> = new Set(['*']);

function requestedTenant(c: Context<AppEnv>): string | undefined {
  const value = c.req.header(tenantHeader);
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value)) {
    throw new DomainError('INVALID_PARAMETER', 'The tenant id must be a uuid', {
      issues: [
        { path: `/headers/${tenantHeader.toLowerCase()}`, code: 'format', message: 'must be a valid uuid' },
      ],
    });
  }
  return value.toLowerCase();
}

/** The tenant a principal acts in: an API key's own; for a user, the header's or the session's. */
function tenantOf(c: Context<AppEnv>, principal: Principal): string {
  const requested = requestedTenant(c);
  if (principal.kind === 'api_key') {
    if (requested !== undefined && requested !== principal.key.tenantId) {
      throw new DomainError('FORBIDDEN', 'This API key belongs to another tenant');
    }
    return principal.key.tenantId;
  }
  const tenant = requested ?? principal.session.tenantId ?? undefined;
  if (tenant === undefined) {
    throw new DomainError(
      'FORBIDDEN',
      `No tenant selected: POST /api/auth/switch-tenant, or send ${tenantHeader} with a tenant of yours`,
    );
  }
  return tenant;
}

/**
 * Authentication in front of every app's API (`/api/<app>/*`): the session cookie, a bearer
 * JWT or an API key sets `principal`, `userId`, `tenantId` and — through tenancy's resolver —
 * `permissions` (an API key's are its scopes the creator still holds). A request without
 * credentials is a 401, except with `auth.trustedContext` (the test environment's default; in
 * development only when asked for), where it gets the trusted tenant (header or default) and
 * every permission, as before authentication.
 *
 * @example
 * app.use('/api/crm/*', appAuthentication(identity, authenticator));
 */
export function appAuthentication(
  ctx: IdentityContext,
  authenticator: Authenticator,
): MiddlewareHandler<AppEnv> {
  const trustedTenant = tenantFromHeader({
    trustHeader: ctx.settings.tenancy.trustHeader,
    ...(ctx.settings.tenancy.defaultTenant === undefined
      ? {}
      : { defaultTenantId: ctx.settings.tenancy.defaultTenant }),
  });
  return async (c, next) => {
    let principal: Principal | undefined;
    let tenantId: string | undefined;
    let permissions: ReadonlySet<string>;
    let roles: readonly string[] | undefined;
    try {
      principal = await authenticator.authenticate(c);
      if (principal === undefined) {
        if (!ctx.settings.trustedContext) throw unauthenticated();
        tenantId = trustedTenant(c);
        if (tenantId !== undefined && isUuid(tenantId) && (await ctx.tenancy.tenantSuspended?.(tenantId))) {
          throw new DomainError('TENANT_SUSPENDED', `The tenant ${tenantId} is suspended`);
        }
        permissions = everything;
      } else {
        tenantId = tenantOf(c, principal);
        const access = await requireAccess(ctx.tenancy, principal.user.id, tenantId);
        const held = new Set(access.permissions);
        permissions =
          principal.kind === 'api_key'
            ? new Set(principal.key.scopes.filter((scope) => hasPermission(held, scope)))
            : held;
        // record policies narrow by role; a key acts with its creator's roles (its scopes only narrow further)
        roles = access.roles;
      }
    } catch (error) {
      try {
        // a rate-limited operation counts the refusal against the client address (credential guessing)
        await countRefusal(c);
      } catch (limited) {
        return authProblemOf(c, limited);
      }
      return authProblemOf(c, error);
    }
    c.set('principal', principal);
    if (tenantId !== undefined) c.set('tenantId', tenantId);
    c.set('userId', principal?.user.id);
    c.set('permissions', permissions);
    c.set('roles', roles);
    await next();
  };
}

/**
 * The operation router's resolvers once {@link appAuthentication} ran: they read what it set.
 *
 * @example
 * createOperationRouter(plugin, authenticatedResolvers);
 */
export const authenticatedResolvers: {
  tenant: TenantResolver;
  user: UserResolver;
  permissions: PermissionResolver;
} = {
  tenant: (c) => c.get('tenantId'),
  user: (c) => c.get('userId'),
  permissions: (c) => c.get('permissions') ?? new Set<string>(),
};
