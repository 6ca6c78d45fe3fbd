import type { Db } from '../data/database.js';
import type { ResourceContext } from './resource-context.js';
import type { Resource, ResourceEngine } from './resource-engine.js';

type Unbound<F> = F extends (ctx: ResourceContext, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** One entity's records for the acting user, inside the caller's transaction. */
export type BoundResource = { [K in Exclude<keyof Resource, 'plan'>]: Unbound<Resource[K]> };

/** `resources('deal')`: the engine's operations on an entity, already bound to who acts and the transaction. */
export type ResourceAccessor = (entity: string) => BoundResource;

/**
 * Binds the resource engine to an action's context and transaction, so an action's steps (create
 * a company, then a deal) run every check a request would — validation, rules, hooks — and commit
 * or roll back together. As server code, it may write the properties the contract marks
 * `readOnly` for clients (never the system's fields).
 *
 * @example
 * const resources = bindResources(engine, { tx, tenantId, userId, requestId, logger });
 * const deal = await resources('deal').create({ title: 'New', companyId });
 */
export function bindResources(
  engine: ResourceEngine,
  context: ResourceContext & { tx: Db },
): ResourceAccessor {
  // server code writes through here, not a client's body: it may set fields clients may not
  const ctx = { ...context, serverWrite: true };
  return (entity) => {
    const resource = engine.resource(entity);
    return {
      list: (...args) => resource.list(ctx, ...args),
      get: (...args) => resource.get(ctx, ...args),
      create: (...args) => resource.create(ctx, ...args),
      bulkCreate: (...args) => resource.bulkCreate(ctx, ...args),
      update: (...args) => resource.update(ctx, ...args),
      delete: (...args) => resource.delete(ctx, ...args),
      restore: (...args) => resource.restore(ctx, ...args),
      transition: (...args) => resource.transition(ctx, ...args),
      merge: (...args) => resource.merge(ctx, ...args),
    };
  };
}
