import { AsyncLocalStorage } from 'node:async_hooks';
import { type ActionDefinition, isUuid } from '@codexion/schema';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { OperationHandler } from '../http/operation-handler.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import { actionResponse, inActionTransaction } from './action-operation-handler.js';
import type { PublicActionContext, PublicActionHandler } from './define-plugin.js';

/** Set while `inTenant`'s work runs, to refuse a second one inside it. */
const insideTenant = new AsyncLocalStorage<string>();

/**
 * Turns a public action's handler into the operation handler the HTTP router calls for an
 * operation without credentials: no tenant, no user, no transaction of its own. The handler
 * reaches a tenant's data only through `ctx.inTenant(tenantId, fn)`: one transaction in that
 * tenant (row-level security applies), the resource engine acting as the system on behalf of an
 * anonymous caller (actor `system:public`), so the handler decides what it reveals.
 *
 * @example
 * handlers[action.id] = publicActionOperationHandler(action, entry.handler, database, engine);
 */
export function publicActionOperationHandler(
  action: ActionDefinition,
  handler: PublicActionHandler,
  database: Database,
  engine: ResourceEngine,
): OperationHandler {
  return async (c, input) => {
    const requestId = c.get('requestId');
    const logger = c.get('logger');
    const ctx: PublicActionContext = {
      database,
      requestId,
      logger,
      ip: c.get('clientIp'),
      services: engine.services,
      async inTenant(tenantId, fn) {
        if (!isUuid(tenantId)) {
          throw new DomainError('INVALID_PARAMETER', 'The tenant id must be a uuid');
        }
        const open = insideTenant.getStore();
        if (open !== undefined) {
          // PGlite serializes transactions: the inner one would wait for the outer one forever
          throw new Error(
            `inTenant(${tenantId}) was called inside inTenant(${open}): one transaction at a time; finish the first`,
          );
        }
        const tenant = tenantId.toLowerCase();
        const context = {
          tenantId: tenant,
          requestId,
          logger: logger.child({ tenant }),
          actor: { type: 'system', id: 'public' } as const,
        };
        return insideTenant.run(tenant, () => inActionTransaction(database, engine, context, fn));
      },
    };
    return actionResponse(action, await handler(ctx, input));
  };
}
