import type { ActionDefinition } from '@codexion/schema';
import type { Context } from 'hono';
import type { Database } from '../data/database.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import type { AppEnv } from '../http/app-env.js';
import type { OperationHandler } from '../http/operation-handler.js';
import { bindResources } from '../resources/bind-resources.js';
import type { ResourceContext } from '../resources/resource-context.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import type { ActionContext, ActionHandler, ActionResult } from './define-plugin.js';

/**
 * Runs `work` in one transaction in `context.tenantId` (tenant and user set for row-level
 * security), with the action context — the resource engine bound to that transaction and actor,
 * and the engine's (the kernel's) services, those that write joined to that transaction.
 *
 * @example
 * const body = await inActionTransaction(database, engine, { tenantId, requestId, logger }, (ctx) => ctx.resources('deal').get(id));
 */
export function inActionTransaction<T>(
  database: Database,
  engine: ResourceEngine,
  context: Omit<ResourceContext, 'tx'>,
  work: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  const { tenantId, userId } = context;
  return database.transaction(
    (tx) => {
      const { requestId, logger } = context;
      const resources = bindResources(engine, { ...context, tx });
      const services = servicesInTransaction(engine.services, { tx, tenantId, userId });
      return work({ tx, tenantId, userId, requestId, logger, resources, services });
    },
    userId === undefined ? { tenantId } : { tenantId, userId },
  );
}

/**
 * The HTTP answer of an action: a `Response` the handler built (a CSV download) as it is; else
 * the handler's status, else the action's declared status, else 200; JSON unless the handler set
 * a content type; no body for 204 and 304.
 *
 * @example
 * return actionResponse(action, { body: record, headers: { ETag: etag } });
 */
export function actionResponse(action: ActionDefinition, result: ActionResult | Response): Response {
  if (result instanceof Response) return result;
  const status = result.status ?? action.status ?? 200;
  const headers = new Headers(result.headers);
  if (result.body === undefined || status === 204 || status === 304)
    return new Response(null, { status, headers });
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(result.body), { status, headers });
}

/**
 * What an action's work needs of its request: tenant, user, request id, logger and access.
 *
 * @example
 * const context = requestContextOf(c); // then inActionTransaction(database, engine, context, work)
 */
export function requestContextOf(c: Context<AppEnv>): Omit<ResourceContext, 'tx'> {
  return {
    tenantId: c.get('tenantId'),
    userId: c.get('userId'),
    requestId: c.get('requestId'),
    logger: c.get('logger'),
    permissions: c.get('permissions'),
    actor: c.get('actor'),
    roles: c.get('roles'),
  };
}

/**
 * Turns a plugin's action handler into the operation handler the HTTP router calls: one
 * transaction (tenant and user set for row-level security), the request's context, and a JSON
 * response with the handler's status, else the action's declared status, else 200.
 *
 * @example
 * handlers[action.id] = actionOperationHandler(action, plugin.actions[action.id], database, engine);
 */
export function actionOperationHandler(
  action: ActionDefinition,
  handler: ActionHandler,
  database: Database,
  engine: ResourceEngine,
): OperationHandler {
  return async (c, input) => {
    const result = await inActionTransaction(database, engine, requestContextOf(c), (ctx) =>
      Promise.resolve(handler(ctx, input)),
    );
    return actionResponse(action, result);
  };
}
