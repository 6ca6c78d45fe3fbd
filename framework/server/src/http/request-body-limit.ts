import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

/** 1 MiB: generous for JSON records, small enough that a flood of bodies cannot exhaust memory. */
export const defaultBodyLimitBytes = 1024 * 1024;

/**
 * `Content-Length` and whether `Transfer-Encoding` is set, read from Node's request when the app
 * is served by @hono/node-server (`c.env.incoming`); `undefined` elsewhere (`app.request()`), where
 * a Request may carry a body without either header.
 */
function nodeFraming(c: Context<AppEnv>): { length: string | undefined; chunked: boolean } | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage)) return undefined;
  return {
    length: incoming.headers['content-length'],
    chunked: incoming.headers['transfer-encoding'] !== undefined,
  };
}

/**
 * Refuses bodies larger than `maxBytes` with 413 PAYLOAD_TOO_LARGE: at once from `Content-Length`,
 * else while streaming, before the handler reads anything. Served by @hono/node-server, a request
 * that announces no body (no `Content-Length`, no `Transfer-Encoding`: every GET) passes without
 * its body being touched, and one with a `Content-Length` within the limit is not read here
 * either (Node's parser delivers no more than the length says): the adapter then reads the body
 * straight from the socket when the handler asks for it, instead of building a whole Request with
 * streams for this middleware.
 *
 * @example
 * app.use(requestBodyLimit(64 * 1024));
 */
export function requestBodyLimit(maxBytes: number = defaultBodyLimitBytes): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, {
      extensions: { maxBytes },
    });
  };
  // a body of unknown length is counted as it streams
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return (c, next) => {
    const framing = nodeFraming(c);
    if (framing !== undefined && !framing.chunked) {
      // HTTP/1.1: without either header there is no body
      if (framing.length === undefined) return next();
      if (/^\d+$/.test(framing.length)) return Number(framing.length) > maxBytes ? tooLarge() : next();
    }
    return streamed(c, next);
  };
}
