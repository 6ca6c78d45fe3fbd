import { describe, expect, it } from 'vitest';
import { Container, createToken } from './container.js';
import { KernelError } from './kernel-error.js';

const Counter = createToken<{ n: number }>('counter');
const Greeter = createToken<{ greet(): string }>('greeter');
const Name = createToken<string>('name');

describe('Container', () => {
  it('creates a singleton once and hands the container to its factory', () => {
    const container = new Container();
    let calls = 0;
    container.value(Name, 'Ada');
    container.singleton(Greeter, (c) => {
      calls += 1;
      const name = c.resolve(Name);
      return { greet: () => `hello ${name}` };
    });
    expect(container.resolve(Greeter).greet()).toBe('hello Ada');
    expect(container.resolve(Greeter)).toBe(container.resolve(Greeter));
    expect(container.createScope().resolve(Greeter)).toBe(container.resolve(Greeter));
    expect(calls).toBe(1);
  });

  it('creates a transient on every resolve', () => {
    const container = new Container().transient(Counter, () => ({ n: 0 }));
    expect(container.resolve(Counter)).not.toBe(container.resolve(Counter));
  });

  it('creates a scoped service once per scope and refuses it at the root', () => {
    const container = new Container().scoped(Counter, () => ({ n: 0 }));
    const a = container.createScope();
    const b = container.createScope();
    expect(a.resolve(Counter)).toBe(a.resolve(Counter));
    expect(a.resolve(Counter)).not.toBe(b.resolve(Counter));
    expect(() => container.resolve(Counter)).toThrow(
      expect.objectContaining({ code: 'CONTAINER_SCOPE_REQUIRED' }) as unknown as Error,
    );
  });

  it('refuses a singleton that captures a scoped service', () => {
    const container = new Container()
      .scoped(Counter, () => ({ n: 0 }))
      .singleton(Greeter, (c) => ({ greet: () => String(c.resolve(Counter).n) }));
    const scope = container.createScope();
    const greeter = scope.resolve(Greeter);
    expect(() => greeter.greet()).toThrow(/scoped/);
  });

  it('lets a scope hold its own values (request context) over the parent', () => {
    const container = new Container().value(Name, 'root');
    const scope = container.createScope().value(Name, 'request');
    expect(scope.resolve(Name)).toBe('request');
    expect(container.resolve(Name)).toBe('root');
    expect(scope.has(Name)).toBe(true);
    expect(container.has(Counter)).toBe(false);
  });

  it('names the whole resolution path of a cycle', () => {
    const A = createToken<unknown>('a');
    const B = createToken<unknown>('b');
    const C = createToken<unknown>('c');
    const container = new Container()
      .singleton(A, (c) => c.resolve(B))
      .singleton(B, (c) => c.resolve(C))
      .singleton(C, (c) => c.resolve(A));
    let caught: unknown;
    try {
      container.resolve(A);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KernelError);
    expect((caught as KernelError).code).toBe('CONTAINER_CYCLE');
    expect((caught as KernelError).message).toBe('dependency cycle: a -> b -> c -> a');
    // the failed resolve left no half-built state: registering a fix works
    container.singleton(C, () => 'c');
    expect(container.resolve(A)).toBe('c');
  });

  it('names an unknown token and the path that needed it', () => {
    const container = new Container().singleton(Greeter, (c) => ({ greet: () => c.resolve(Name) }));
    expect(() => container.resolve(Name)).toThrow('no registration for "name" (resolving name)');
    const greeter = container.resolve(Greeter);
    expect(() => greeter.greet()).toThrow(/no registration for "name"/);
    const Outer = createToken<string>('outer');
    container.singleton(Outer, (c) => c.resolve(Name));
    expect(() => container.resolve(Outer)).toThrow('no registration for "name" (resolving outer -> name)');
  });

  it('disposes in reverse creation order, scopes separately, and keeps going past a failure', async () => {
    const order: string[] = [];
    const First = createToken<string>('first');
    const Second = createToken<string>('second');
    const Broken = createToken<string>('broken');
    const container = new Container()
      .singleton(First, () => 'first', { dispose: (v) => void order.push(v) })
      .singleton(Second, (c) => `${c.resolve(First)}+second`, { dispose: (v) => void order.push(v) })
      .singleton(Broken, () => 'broken', {
        dispose: () => {
          throw new Error('boom');
        },
      })
      .scoped(Counter, () => ({ n: 1 }), { dispose: () => void order.push('scoped') });
    container.resolve(Broken);
    container.resolve(Second);
    const scope = container.createScope();
    scope.resolve(Counter);
    await scope.dispose();
    expect(order).toEqual(['scoped']);
    await expect(container.dispose()).rejects.toThrow('1 disposer(s) failed');
    expect(order).toEqual(['scoped', 'first+second', 'first']);
    expect(() => container.resolve(First)).toThrow(
      expect.objectContaining({ code: 'CONTAINER_DISPOSED' }) as unknown as Error,
    );
    await container.dispose();
  });

  it('does not dispose what it never created', async () => {
    let disposed = false;
    const container = new Container().singleton(Name, () => 'x', {
      dispose: () => {
        disposed = true;
      },
    });
    await container.dispose();
    expect(disposed).toBe(false);
  });
});
