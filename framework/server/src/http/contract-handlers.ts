import type { Context } from 'hono';
import type { ActionInput, ActionName, AppContract } from './app-contract.js';
import type { AppEnv } from './app-env.js';
import type { OperationHandler } from './operation-handler.js';

/**
 * The HTTP handler of operation `A` of a generated contract (`AuthContract`, `TenancyContract`):
 * its path parameters, query and body typed as the contract declares them.
 *
 * @example
 * const getRole: ContractHandler<TenancyContract, 'getRole'> = async (c, { params }) => c.json(await roles.get(params.key));
 */
export type ContractHandler<C extends AppContract, A extends ActionName<C>> = (
  c: Context<AppEnv>,
  input: ActionInput<C['actions'][A]>,
) => Promise<Response> | Response;

/**
 * A handler for every operation of a contract: one missing, or one for an operation the contract
 * does not have, does not compile.
 *
 * @example
 * const handlers: ContractHandlers<AuditContract> = { listAuditLog, getAuditRecordHistory };
 */
export type ContractHandlers<C extends AppContract> = { [A in ActionName<C>]: ContractHandler<C, A> };

/**
 * Typed handlers as the HTTP layer calls them. Only the types change: the router validates each
 * request against the document made from the same contract before it calls the handler, so the
 * input is what the types say.
 *
 * @example
 * return { name: 'audit', openapi: auditOpenApi, handlers: operationHandlers<AuditContract>(handlers) };
 */
export function operationHandlers<C extends AppContract>(
  handlers: ContractHandlers<C>,
): Record<string, OperationHandler> {
  return handlers as unknown as Record<string, OperationHandler>;
}
