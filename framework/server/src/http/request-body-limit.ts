import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

/** 1 MiB: generous for JSON records, small enough that a flood of bodies cannot exhaust memory. */
export const defaultBodyLimitBytes = 1024 * 1024;

/**
 * Refuses bodies larger than `maxBytes` with 413 PAYLOAD_TOO_LARGE: at once from `Content-Length`,
 * else while streaming, before the handler reads anything.
 *
 * @example
 * app.use(requestBodyLimit(64 * 1024));
 */
export function requestBodyLimit(maxBytes: number = defaultBodyLimitBytes): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, {
        extensions: { maxBytes },
      });
    },
  });
}
