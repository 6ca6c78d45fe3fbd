import type { Container, Token } from './container.js';
import { KernelError } from './kernel-error.js';

/**
 * The kernel's services as an action, hook or subscriber reaches them: by typed token
 * (`ctx.services.get(TenancyToken)` is a `Tenancy`). A service that can join a transaction
 * (`JoinsTransaction` of data/) comes already joined to the context's: its writes commit or roll
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
