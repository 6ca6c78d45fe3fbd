import type { ActionDefinition } from '@codexion/schema';
import type { Database } from '../data/database.js';
import type { OperationHandler } from '../http/operation-handler.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import { bindResources } from './bind-resources.js';
import type { ActionHandler } from './define-plugin.js';

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
    const tenantId = c.get('tenantId');
    const userId = c.get('userId');
    const result = await database.transaction(
      (tx) => {
        const base = { tx, tenantId, userId, requestId: c.get('requestId'), logger: c.get('logger') };
        const resources = bindResources(engine, {
          ...base,
          permissions: c.get('permissions'),
          actor: c.get('actor'),
          roles: c.get('roles'),
        });
        return Promise.resolve(handler({ ...base, resources }, input));
      },
      userId === undefined ? { tenantId } : { tenantId, userId },
    );
    const status = result.status ?? action.status ?? 200;
    const headers = new Headers(result.headers);
    if (result.body === undefined || status === 204 || status === 304)
      return new Response(null, { status, headers });
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(result.body), { status, headers });
  };
}
