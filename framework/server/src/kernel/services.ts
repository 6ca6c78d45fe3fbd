import { joinsTransaction, type TransactionScope } from '../data/join-transaction.js';
import type { Container, Token } from './container.js';
import { KernelError } from './kernel-error.js';

/**
 * The kernel's services as an action, hook or subscriber reaches them: by typed token
 * (`ctx.services.get(TenancyToken)` is a `Tenancy`). A service that can join a transaction
 * ({@link JoinsTransaction}) comes already joined to the context's: its writes commit or roll
 * back with the action.
 */
export interface Services {
  /** @throws {KernelError} `CONTAINER_UNKNOWN_TOKEN` when the kernel has no such service */
  get<T>(token: Token<T>): T;
  /** whether the kernel has the service (an optional one: the job queue, app access) */
  has(token: Token<unknown>): boolean;
}

/**
 * The services of a kernel's container, resolved when asked (a service registered late in the
 * boot, as identity, is there by the time a request runs).
 *
 * @example
 * const services = containerServices(kernel.container);
 * services.get(MetricsToken).httpRequests;
 */
export function containerServices(container: Container): Services {
  return {
    get: (token) => container.resolve(token),
    has: (token) => container.has(token),
  };
}

/**
 * The services for a context with a transaction: each service that joins transactions, joined to
 * `scope` (once per context); the others as they are.
 *
 * @example
 * const ctx = { tx, tenantId, userId, services: servicesInTransaction(kernelServices, { tx, tenantId, userId }) };
 */
export function servicesInTransaction(services: Services, scope: TransactionScope): Services {
  const joined = new Map<Token<unknown>, unknown>();
  return {
    get<T>(token: Token<T>): T {
      if (joined.has(token)) return joined.get(token) as T;
      const service = services.get(token);
      const value = joinsTransaction(service) ? service.inTransaction(scope) : service;
      joined.set(token, value);
      return value as T;
    },
    has: (token) => services.has(token),
  };
}

/**
 * No services: what contexts built without a kernel get (tests, tools). Asking it for one fails
 * with the token's name.
 *
 * @example
 * const ctx: ActionContext = { tx, tenantId, userId: undefined, requestId: 't', logger, resources, services: noServices };
 */
export const noServices: Services = Object.freeze({
  get<T>(token: Token<T>): T {
    throw new KernelError(
      'CONTAINER_UNKNOWN_TOKEN',
      `no services here for "${token.name}": this context was built without a kernel`,
    );
  },
  has: () => false,
});
