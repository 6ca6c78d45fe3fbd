import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv, RequestAbort } from './app-env.js';

export type { RequestAbort } from './app-env.js';

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

function freshAbort(): RequestAbort {
  return { controller: undefined, reason: undefined, aborted: false, unwatch: undefined, done: false };
}

/**
 * The request's signal: aborted when the request times out (`requestTimeout`) or the client goes
 * away; pass it to slow work (queries, fetches, loops). Made on the first call: most requests never
 * ask, and an `AbortController` per request cost more than the rest of the middleware.
 *
 * @example
 * app.get('/slow', async (c) => c.json(await report({ signal: requestSignal(c) })));
 */
export function requestSignal(c: Context<AppEnv>): AbortSignal {
  let state = c.get('abort');
  if (state === undefined) {
    // outside `requestTimeout`: only the client's going away aborts it
    state = freshAbort();
    c.set('abort', state);
  }
  if (state.controller === undefined) {
    const controller = new AbortController();
    state.controller = controller;
    if (state.aborted) controller.abort(state.reason);
    else if (!state.done) state.unwatch = onClientGone(c, (reason) => controller.abort(reason));
  }
  return state.controller.signal;
}

/**
 * Answers 504 TIMEOUT when the rest of the chain takes longer than `ms`, and aborts the request's
 * signal ({@link requestSignal}, also aborted when the client disconnects) so the handler's work
 * can stop.
 *
 * @example
 * app.use(requestTimeout(30_000));
 * app.get('/slow', async (c) => c.json(await report({ signal: requestSignal(c) })));
 */
export function requestTimeout(ms: number = defaultRequestTimeoutMs): MiddlewareHandler<AppEnv> {
  // One timer and one promise per request; the signal (a controller and a listener on the client)
  // only for handlers that ask for it
  return (c, next) => {
    const state = freshAbort();
    c.set('abort', state);
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        state.done = true;
        state.unwatch?.();
      };
      const timer = setTimeout(() => {
        done();
        const error = new DomainError('TIMEOUT', `The request took longer than ${ms} ms`);
        state.aborted = true;
        state.reason = error;
        state.controller?.abort(error);
        reject(error);
      }, ms);
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
