import type { Token } from '../foundation/container.js';
import type { Services } from '../foundation/services.js';
import { joinsTransaction, type TransactionScope } from './join-transaction.js';

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
