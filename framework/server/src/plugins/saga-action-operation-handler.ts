import type { ActionDefinition } from '@codexion/schema';
import type { Database } from '../data/database.js';
import { credentialOf, idempotencyKeyHeader } from '../http/idempotency.js';
import type { OperationHandler } from '../http/operation-handler.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import { runSaga } from '../sagas/run-saga.js';
import { actionResponse, inActionTransaction, requestContextOf } from './action-operation-handler.js';
import type { SagaActionContext, SagaActionHandler } from './define-plugin.js';

/**
 * Turns a saga action's handler into the operation handler the HTTP router calls: the request's
 * context without a transaction, `transaction` for work in one, and `runSaga` bound to the
 * request's tenant, user and Idempotency-Key (scoped to its credential, as the router scopes the
 * key), so a retry of a run whose node died finds that run (ADR 0028).
 *
 * @example
 * handlers[action.id] = sagaActionOperationHandler(action, entry.handler, database, engine);
 */
export function sagaActionOperationHandler(
  action: ActionDefinition,
  handler: SagaActionHandler,
  database: Database,
  engine: ResourceEngine,
): OperationHandler {
  return async (c, input) => {
    const context = requestContextOf(c);
    const key = c.req.header(idempotencyKeyHeader);
    const idempotencyKey = key === undefined ? undefined : `${credentialOf(c)}:${key}`;
    const { tenantId, userId, requestId, logger } = context;
    const ctx: SagaActionContext = {
      tenantId,
      userId,
      requestId,
      logger,
      services: engine.services,
      idempotencyKey,
      transaction: (fn) => inActionTransaction(database, engine, context, fn),
      runSaga: (saga, sagaInput) =>
        runSaga({ database, services: engine.services, logger }, saga, sagaInput, {
          tenantId,
          userId,
          requestId,
          key: idempotencyKey,
        }),
    };
    return actionResponse(action, await handler(ctx, input));
  };
}
