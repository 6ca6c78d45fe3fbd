import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

export const defaultRequestTimeoutMs = 30_000;

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
  // One controller, one timer and one promise per request, and the client's signal forwarded by a
  // listener: `AbortSignal.any` and a `Promise.race` against a timer promise cost ~10 µs more.
  return (c, next) => {
    const controller = new AbortController();
    c.set('signal', controller.signal);
    const client = c.req.raw.signal;
    const onClientAbort = (): void => controller.abort(client.reason);
    if (client.aborted) controller.abort(client.reason);
    else client.addEventListener('abort', onClientAbort);
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        client.removeEventListener('abort', onClientAbort);
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
