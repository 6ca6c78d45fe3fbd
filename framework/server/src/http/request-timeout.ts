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
  return async (c, next) => {
    const controller = new AbortController();
    c.set('signal', AbortSignal.any([controller.signal, c.req.raw.signal]));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new DomainError('TIMEOUT', `The request took longer than ${ms} ms`);
        controller.abort(error);
        reject(error);
      }, ms);
    });
    const work = next();
    // after a timeout the work may still fail; nobody awaits it any more
    work.catch(() => {});
    try {
      await Promise.race([work, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
