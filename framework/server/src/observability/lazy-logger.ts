import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino';

/** A child not made yet: the logger it will come from and the bindings it will carry, in order. */
interface Pending {
  root: Logger;
  bindings: Bindings[];
  made?: Logger;
}

const pendingOf = new WeakMap<object, Pending>();
const levels: ReadonlySet<string> = new Set<Level>(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
const noop = (): void => undefined;

function made(pending: Pending): Logger {
  pending.made ??= pending.bindings.reduce<Logger>(
    (logger, bindings) => logger.child(bindings),
    pending.root,
  );
  return pending.made;
}

/**
 * `parent.child(bindings)`, made only when something logs through it or asks more of it than a
 * child: a request's logger is bound twice (ids, then tenant) and most requests write nothing
 * but their access line, which {@link logThrough} writes without making the child. A child of a
 * lazy child stays lazy; disabled levels are no-ops without making it.
 *
 * @example
 * const requestLog = lazyChild(logger, { request_id: id });
 * requestLog.debug('not written at info'); // no child made
 */
export function lazyChild(parent: Logger, bindings: Bindings): Logger {
  const outer = pendingOf.get(parent);
  const pending: Pending =
    outer !== undefined && outer.made === undefined
      ? { root: outer.root, bindings: [...outer.bindings, bindings] }
      : { root: parent, bindings: [bindings] };
  const lazy: Logger = new Proxy(pending.root, {
    get(_root, property) {
      if (pending.made === undefined) {
        if (property === 'child') {
          return (next: Bindings, options?: ChildLoggerOptions) =>
            options === undefined ? lazyChild(lazy, next) : made(pending).child(next, options);
        }
        if (typeof property === 'string' && levels.has(property) && !pending.root.isLevelEnabled(property))
          return noop;
      }
      const logger = made(pending);
      const value: unknown = Reflect.get(logger, property, logger);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
    set(_root, property, value) {
      return Reflect.set(made(pending), property, value);
    },
  });
  pendingOf.set(lazy, pending);
  return lazy;
}

/**
 * Writes one line at `level` through `logger`. A lazy child not made yet writes through its root
 * with its bindings first in the object, which is the same line pino writes for a child.
 *
 * @example
 * logThrough(c.get('logger'), 'info', { status: 200 }, 'request completed');
 */
export function logThrough(
  logger: Logger,
  level: Level,
  object: Record<string, unknown>,
  message: string,
): void {
  const pending = pendingOf.get(logger);
  if (pending === undefined || pending.made !== undefined) {
    logger[level](object, message);
    return;
  }
  if (!pending.root.isLevelEnabled(level)) return;
  const line: Record<string, unknown> = {};
  for (const bindings of pending.bindings) Object.assign(line, bindings);
  pending.root[level](Object.assign(line, object), message);
}
