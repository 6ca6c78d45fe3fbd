import { isUuid } from '@codexion/schema';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

/**
 * Finds the tenant of a request from a trusted source. Until authentication exists that is a
 * header or a configured default (see {@link tenantFromHeader}); then, the session or token.
 */
export type TenantResolver = (c: Context<AppEnv>) => string | undefined;

/** Finds the acting user of a request; `undefined` for anonymous or system calls. */
export type UserResolver = (c: Context<AppEnv>) => string | undefined;

/** Header naming the tenant where it is trusted (development, test, behind a trusted gateway). */
export const tenantHeader = 'X-Codexion-Tenant';

export interface TenantFromHeaderOptions {
  /** read the tenant from the header; only where something in front of the API vouches for it */
  trustHeader?: boolean;
  header?: string;
  /** tenant of requests that name none */
  defaultTenantId?: string;
}

/**
 * The trusted-context resolver used until authentication exists: the tenant header when trusted,
 * else the default tenant.
 *
 * @example
 * const tenant = tenantFromHeader({ defaultTenantId: config.tenancy.defaultTenant });
 */
export function tenantFromHeader({
  trustHeader = true,
  header = tenantHeader,
  defaultTenantId,
}: TenantFromHeaderOptions = {}): TenantResolver {
  return (c) => (trustHeader ? c.req.header(header) : undefined) ?? defaultTenantId;
}

export interface TenantContextOptions {
  tenant: TenantResolver;
  user?: UserResolver;
  /** the app (plugin) the route belongs to, bound to the logger as `module` */
  module: string;
}

/**
 * Sets `tenantId` and `userId` for an app's route, and rebinds the request logger with `tenant`,
 * `user_id` and `module`. No tenant: 401 UNAUTHENTICATED; a tenant id that is not a uuid: 400.
 *
 * @example
 * router.get('/accounts', tenantContext({ tenant: tenantFromHeader(), module: 'sales' }), listAccounts);
 */
export function tenantContext({
  tenant,
  user = () => undefined,
  module,
}: TenantContextOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenantId = tenant(c);
    if (tenantId === undefined || tenantId === '') {
      throw new DomainError(
        'UNAUTHENTICATED',
        `The request names no tenant: send the ${tenantHeader} header or configure a default tenant`,
      );
    }
    if (!isUuid(tenantId)) {
      throw new DomainError('INVALID_PARAMETER', 'The tenant id must be a uuid', {
        issues: [
          { path: `/headers/${tenantHeader.toLowerCase()}`, code: 'format', message: 'must be a valid uuid' },
        ],
      });
    }
    const userId = user(c);
    c.set('tenantId', tenantId.toLowerCase());
    c.set('userId', userId);
    c.set(
      'logger',
      c.get('logger').child({ tenant: tenantId.toLowerCase(), user_id: userId ?? null, module }),
    );
    await next();
  };
}
