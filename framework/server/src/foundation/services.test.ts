import { describe, expect, it } from 'vitest';
import type { Db } from '../data/database.js';
import type { JoinsTransaction, TransactionScope } from '../data/join-transaction.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { Container, createToken } from './container.js';
import { KernelError } from './kernel-error.js';
import { containerServices, noServices } from './services.js';

interface Counter extends JoinsTransaction<Counter> {
  scope: TransactionScope | undefined;
}

function counter(scope?: TransactionScope): Counter {
  return { scope, inTransaction: (joined) => counter(joined) };
}

const CounterToken = createToken<Counter>('test.counter');
const ClockToken = createToken<() => number>('test.clock');
const MissingToken = createToken<string>('test.missing');
const clock = () => 42;

function kernelServices() {
  const container = new Container();
  container.value(CounterToken, counter());
  container.value(ClockToken, clock);
  return containerServices(container);
}

describe('containerServices', () => {
  it('resolves by token from the container, and says which tokens it has', () => {
    const services = kernelServices();
    expect(services.get(ClockToken)()).toBe(42);
    expect(services.has(ClockToken)).toBe(true);
    expect(services.has(MissingToken)).toBe(false);
    expect(() => services.get(MissingToken)).toThrow(/test\.missing/);
  });
});

describe('servicesInTransaction', () => {
  const scope: TransactionScope = { tx: {} as Db, tenantId: 't1', userId: 'u1' };

  it('joins a service that joins transactions to the scope, once per context', () => {
    const services = servicesInTransaction(kernelServices(), scope);
    const joined = services.get(CounterToken);
    expect(joined.scope).toBe(scope);
    expect(services.get(CounterToken)).toBe(joined);
    expect(kernelServices().get(CounterToken).scope).toBeUndefined();
  });

  it('hands out the other services as they are', () => {
    const services = servicesInTransaction(kernelServices(), scope);
    expect(services.get(ClockToken)).toBe(clock);
    expect(services.has(CounterToken)).toBe(true);
  });
});

describe('noServices', () => {
  it('has nothing, and names the token asked for', () => {
    expect(noServices.has(ClockToken)).toBe(false);
    let error: unknown;
    try {
      noServices.get(ClockToken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe('CONTAINER_UNKNOWN_TOKEN');
    expect((error as Error).message).toContain('test.clock');
  });
});
