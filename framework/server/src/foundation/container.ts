import { KernelError } from './kernel-error.js';

/**
 * A typed key for the container. The type parameter is carried only at compile time, so
 * `container.resolve(Logger)` is typed without decorators or reflect-metadata.
 */
export interface Token<T> {
  readonly name: string;
  /** phantom member: never set, only ties the token to its type */
  readonly __type?: T;
}

/**
 * Creates a token. Two tokens with the same name are different keys; the name is for errors.
 *
 * @example
 * const Clock = createToken<() => Date>('clock');
 * container.singleton(Clock, () => () => new Date());
 */
export function createToken<T>(name: string): Token<T> {
  return Object.freeze({ name });
}

export type Lifetime = 'singleton' | 'scoped' | 'transient';

/** What a factory gets: the container it resolves from (the scope, for scoped and transient). */
export type Factory<T> = (container: Container) => T;

export interface RegistrationOptions<T> {
  /** called on `dispose()`, in reverse creation order */
  dispose?: (instance: T) => Promise<void> | void;
}

interface Registration<T> {
  lifetime: Lifetime;
  factory: Factory<T>;
  dispose: ((instance: T) => Promise<void> | void) | undefined;
}

interface Created {
  name: string;
  dispose: () => Promise<void> | void;
}

/**
 * A small DI container: singleton, scoped (one per `createScope()`, e.g. per request) and
 * transient services from factories. A cycle fails with its path; `dispose()` runs disposers in
 * reverse creation order.
 *
 * @example
 * const container = new Container();
 * container.singleton(Config, () => loadConfigSync());
 * container.scoped(RequestClock, (c) => ({ at: new Date(), config: c.resolve(Config) }));
 * const scope = container.createScope();
 * scope.resolve(RequestClock);
 * await scope.dispose();
 */
export class Container {
  readonly #registrations = new Map<Token<unknown>, Registration<unknown>>();
  readonly #instances = new Map<Token<unknown>, unknown>();
  readonly #created: Created[] = [];
  readonly #parent: Container | undefined;
  /** the chain of tokens being resolved, shared by a root and its scopes: a resolve is synchronous */
  readonly #resolving: Token<unknown>[];
  #disposed = false;

  constructor(parent?: Container) {
    this.#parent = parent;
    this.#resolving = parent ? parent.#resolving : [];
  }

  /** One instance for the container and all its scopes, created on first resolve. */
  singleton<T>(token: Token<T>, factory: Factory<T>, options: RegistrationOptions<T> = {}): this {
    return this.#register(token, 'singleton', factory, options);
  }

  /** One instance per scope; resolving it from the root container is an error. */
  scoped<T>(token: Token<T>, factory: Factory<T>, options: RegistrationOptions<T> = {}): this {
    return this.#register(token, 'scoped', factory, options);
  }

  /** A new instance on every resolve. */
  transient<T>(token: Token<T>, factory: Factory<T>, options: RegistrationOptions<T> = {}): this {
    return this.#register(token, 'transient', factory, options);
  }

  /** Registers an existing value as a singleton of this container (or of this scope). */
  value<T>(token: Token<T>, value: T, options: RegistrationOptions<T> = {}): this {
    this.#register(token, 'singleton', () => value, options);
    this.#instances.set(token, value);
    if (options.dispose) this.#track(token, value, options.dispose);
    return this;
  }

  /** Whether the token is registered here or in a parent. */
  has(token: Token<unknown>): boolean {
    return this.#registrations.has(token) || (this.#parent?.has(token) ?? false);
  }

  /**
   * Returns the token's instance, creating it (and its dependencies) as its lifetime says.
   *
   * @throws {KernelError} `CONTAINER_UNKNOWN_TOKEN`, `CONTAINER_CYCLE` (with the path),
   *   `CONTAINER_SCOPE_REQUIRED`, `CONTAINER_DISPOSED`
   */
  resolve<T>(token: Token<T>): T {
    if (this.#disposed)
      throw new KernelError('CONTAINER_DISPOSED', `cannot resolve "${token.name}": container disposed`);
    const found = this.#lookup(token);
    if (!found) {
      const path = [...this.#resolving.map((t) => t.name), token.name].join(' -> ');
      throw new KernelError(
        'CONTAINER_UNKNOWN_TOKEN',
        `no registration for "${token.name}" (resolving ${path})`,
      );
    }
    const { owner, registration } = found;
    switch (registration.lifetime) {
      case 'singleton':
        return owner.#instance(token, registration, owner);
      case 'scoped':
        if (!this.#parent) {
          throw new KernelError(
            'CONTAINER_SCOPE_REQUIRED',
            `"${token.name}" is scoped: resolve it from container.createScope(), not the root`,
          );
        }
        return this.#instance(token, registration, this);
      case 'transient':
        return this.#create(token, registration, this);
    }
  }

  /** A child container for one unit of work (a request): scoped services live and die with it. */
  createScope(): Container {
    if (this.#disposed)
      throw new KernelError('CONTAINER_DISPOSED', 'cannot create a scope: container disposed');
    return new Container(this);
  }

  /**
   * Disposes what this container created, last created first. Every disposer runs even when one
   * fails; the failures are thrown together afterwards.
   */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const errors: unknown[] = [];
    for (const created of this.#created.reverse()) {
      try {
        await created.dispose();
      } catch (error) {
        errors.push(new Error(`disposing "${created.name}" failed`, { cause: error }));
      }
    }
    this.#created.length = 0;
    this.#instances.clear();
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} disposer(s) failed`);
  }

  #register<T>(
    token: Token<T>,
    lifetime: Lifetime,
    factory: Factory<T>,
    options: RegistrationOptions<T>,
  ): this {
    if (this.#disposed)
      throw new KernelError('CONTAINER_DISPOSED', `cannot register "${token.name}": container disposed`);
    this.#registrations.set(token, { lifetime, factory, dispose: options.dispose } as Registration<unknown>);
    this.#instances.delete(token);
    return this;
  }

  #lookup<T>(token: Token<T>): { owner: Container; registration: Registration<T> } | undefined {
    const registration = this.#registrations.get(token) as Registration<T> | undefined;
    if (registration) return { owner: this, registration };
    return this.#parent ? this.#parent.#lookup(token) : undefined;
  }

  #instance<T>(token: Token<T>, registration: Registration<T>, resolver: Container): T {
    if (this.#instances.has(token)) return this.#instances.get(token) as T;
    const instance = this.#create(token, registration, resolver);
    this.#instances.set(token, instance);
    return instance;
  }

  #create<T>(token: Token<T>, registration: Registration<T>, resolver: Container): T {
    if (this.#resolving.includes(token)) {
      const start = this.#resolving.indexOf(token);
      const cycle = [...this.#resolving.slice(start), token].map((t) => t.name).join(' -> ');
      throw new KernelError('CONTAINER_CYCLE', `dependency cycle: ${cycle}`);
    }
    this.#resolving.push(token);
    try {
      const instance = registration.factory(resolver);
      if (registration.dispose) resolver.#track(token, instance, registration.dispose);
      return instance;
    } finally {
      this.#resolving.pop();
    }
  }

  #track<T>(token: Token<T>, instance: T, dispose: (instance: T) => Promise<void> | void): void {
    this.#created.push({ name: token.name, dispose: () => dispose(instance) });
  }
}
