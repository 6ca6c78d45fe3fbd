import { hostname } from 'node:os';
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import { serializeError } from '../observability/serialize-error.js';

/** Keys whose values never reach a log line, whatever the plugins declare (compared lower-case). */
export const alwaysRedactedKeys: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'token',
  'accesstoken',
  'refreshtoken',
  'apikey',
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'privatekey',
  'clientsecret',
];

export const redactedValue = '[redacted]';

export interface CreateLoggerOptions {
  level?: LevelWithSilent;
  /** human-readable lines through pino-pretty (development) instead of JSON */
  pretty?: boolean;
  /** fields on every line, e.g. `{ service: 'prefiq', env: 'production' }` */
  base?: Record<string, unknown>;
  /**
   * property names whose values are personal data (from `piiFieldsOf(models)`), redacted at any
   * depth. A `Set` is read on every line, so names added later count (the kernel adds the plugins'
   * once they are checked, after the logger exists).
   */
  piiFields?: ReadonlySet<string> | Iterable<string>;
  /** where lines go; stdout unless given (tests pass a stream; with `pretty`, a Node writable) */
  destination?: DestinationStream | NodeJS.WritableStream;
}

const maxDepth = 12;

/**
 * Returns a copy of `value` with sensitive keys' values replaced, at any depth: in a logged
 * record, a request body, an array of rows, an error's own properties. Unchanged parts are shared.
 */
export function redactSensitive(value: unknown, isSensitive: (key: string) => boolean): unknown {
  const seen = new WeakSet<object>();
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    // the serialized error has pino's prototype; spread it into a plain object to walk its fields
    if (node instanceof Error) return walk(serializeError(node), depth);
    if (seen.has(node)) return '[circular]';
    if (Array.isArray(node)) {
      if (depth >= maxDepth) return '[too deep]';
      seen.add(node);
      let changed = false;
      const out = node.map((item) => {
        const next = walk(item, depth + 1);
        if (next !== item) changed = true;
        return next;
      });
      seen.delete(node);
      return changed ? out : node;
    }
    const proto = Object.getPrototypeOf(node) as unknown;
    // Dates, Buffers, Maps, class instances: serialized by their own toJSON, not walked
    if (proto !== Object.prototype && proto !== null) return node;
    if (depth >= maxDepth) return '[too deep]';
    seen.add(node);
    let out: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(node)) {
      const next =
        isSensitive(key) && child !== undefined && child !== null ? redactedValue : walk(child, depth + 1);
      if (next !== child) {
        out ??= { ...(node as Record<string, unknown>) };
        out[key] = next;
      }
    }
    seen.delete(node);
    return out ?? node;
  };
  return walk(value, 0);
}

/**
 * The kernel's logger: pino, one JSON object per line (`level` as a label, ISO `time`), or
 * pino-pretty in development. Values under {@link alwaysRedactedKeys} and the plugins' PII fields
 * are replaced by `[redacted]` wherever they appear in a logged object or a child's bindings.
 * Request lines carry `trace_id`, `request_id`, `tenant`, `user_id`, `module` through the child
 * logger the HTTP layer makes per request.
 *
 * pino's `redact.paths` cannot say "at any depth" (a record inside `items[3].account`), so the
 * redaction is a walk in `formatters.log`, which sees every logged object before it is written.
 *
 * @example
 * const logger = createLogger({ level: 'info', base: { service: 'prefiq' }, piiFields: piiFieldsOf(models) });
 * logger.info({ record: { contactEmail: 'a@b.c' } }, 'created'); // "contactEmail":"[redacted]"
 */
export function createLogger({
  level = 'info',
  pretty: usePretty = false,
  base = {},
  piiFields = [],
  destination,
}: CreateLoggerOptions = {}): Logger {
  const exact: ReadonlySet<string> = piiFields instanceof Set ? piiFields : new Set(piiFields);
  const lower = new Set(alwaysRedactedKeys);
  const isSensitive = (key: string) => exact.has(key) || lower.has(key.toLowerCase());
  const scrub = (object: Record<string, unknown>) =>
    redactSensitive(object, isSensitive) as Record<string, unknown>;
  const stream =
    destination ??
    (usePretty
      ? pretty({ sync: true, colorize: process.stdout.isTTY === true })
      : pino.destination({ dest: 1, sync: false }));
  const logger = pino(
    {
      level,
      base: { pid: process.pid, hostname: hostname(), ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: scrub,
        log: scrub,
      },
      // errors are already serialized (and scrubbed) by the log formatter
      serializers: { err: (error: unknown) => (error instanceof Error ? serializeError(error) : error) },
    },
    usePretty && destination ? pretty({ sync: true, colorize: false, destination }) : stream,
  );
  // pino applies `formatters.bindings` to the root's bindings only; children (one per request)
  // inherit this `child`, so their bindings are scrubbed as well
  const child = logger.child;
  logger.child = function scrubbedChild(this: Logger, bindings, options) {
    return child.call(this, scrub(bindings), options);
  } as Logger['child'];
  return logger;
}
