import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

export const defaultRequestTimeoutMs = 30_000;

/** What the Node adapter passes as `c.env`: the request's own IncomingMessage and ServerResponse. */
function nodeExchange(
  c: Context<AppEnv>,
): { incoming: IncomingMessage; outgoing: ServerResponse } | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null) return undefined;
  const { incoming, outgoing } = env as { incoming?: unknown; outgoing?: unknown };
  return incoming instanceof IncomingMessage && outgoing instanceof ServerResponse
    ? { incoming, outgoing }
    : undefined;
}

/**
 * Calls `abort` with the reason when the client goes away before the response is written, and
 * returns what stops listening. Served by @hono/node-server it watches the response's `close`
 * as the adapter does (same reasons): `c.req.raw.signal` would make the adapter build an
 * AbortController of its own for every request. Elsewhere (`app.request()`) it follows that signal.
 */
function onClientGone(c: Context<AppEnv>, abort: (reason: unknown) => void): () => void {
  const exchange = nodeExchange(c);
  if (exchange === undefined) {
    const client = c.req.raw.signal;
    const forward = (): void => abort(client.reason);
    if (client.aborted) forward();
    else client.addEventListener('abort', forward);
    return () => client.removeEventListener('abort', forward);
  }
  const { incoming, outgoing } = exchange;
  const closed = (): void => {
    if (incoming.errored) abort(incoming.errored.toString());
    else if (!outgoing.writableFinished) abort('Client connection prematurely closed.');
  };
  if (outgoing.closed) closed();
  else outgoing.on('close', closed);
  return () => outgoing.off('close', closed);
}

/**
 * Answers 504 TIMEOUT when the rest of the chain takes longer than `ms`, and aborts
 * `c.get('signal')` (also aborted when the client disconnects) so the handler's work can stop:
 * pass the signal to queries, fetches and loops.
 *
 * @example
 * app.use(requestTimeout(30_000));
 * app.get('/slow', async (c) => c.json(await report({ signal: c.get('signal') })));
 */
export function requestTimeout(ms: number = defaultRequestTimeoutMs): MiddlewareHandler<AppEnv> {
  // One controller, one timer and one promise per request, the client watched by a listener:
  // `AbortSignal.any` over the adapter's signal and a `Promise.race` against a timer promise cost
  // ~10 µs more.
  return (c, next) => {
    const controller = new AbortController();
    c.set('signal', controller.signal);
    const unwatch = onClientGone(c, (reason) => controller.abort(reason));
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        unwatch();
      };
      const timer = setTimeout(() => {
        done();
        const error = new DomainError('TIMEOUT', `The request took longer than ${ms} ms`);
        controller.abort(error);
        reject(error);
      }, ms);
      // after a timeout the work may still end either way; this promise is settled by then
      next().then(
        () => {
          done();
          resolve();
        },
        (error: unknown) => {
          done();
          reject(error);
        },
      );
    });
  };
}
