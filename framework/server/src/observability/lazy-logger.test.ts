import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChild, logThrough } from './lazy-logger.js';

/** A logger writing JSON lines into an array, with a fixed time so lines compare. */
function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString().trim());
      done();
    },
  });
  return { logger: pino({ level: 'info', timestamp: () => ',"time":1' }, stream), lines };
}

const ids = { request_id: 'r1', trace_id: 't1' };
const tenant = { tenant: 'a', user_id: null, module: 'sales' };
const line = { method: 'GET', status: 200 };

describe('lazyChild', () => {
  it('writes the line a pino child writes, without making the child', async () => {
    const made = capture();
    made.logger.child(ids).child(tenant).info(line, 'request completed');
    const lazy = capture();
    let children = 0;
    const root = lazy.logger;
    const child = root.child.bind(root);
    root.child = ((bindings: pino.Bindings) => {
      children++;
      return child(bindings);
    }) as Logger['child'];
    logThrough(lazyChild(root, ids).child(tenant), 'info', line, 'request completed');
    expect(lazy.lines).toEqual(made.lines);
    expect(children).toBe(0);
  });

  it('makes the child on first use, once, and logs through it', () => {
    const { logger, lines } = capture();
    const lazy = lazyChild(logger, ids).child(tenant);
    lazy.debug('below the level: nothing, no child');
    lazy.warn({ code: 'X' }, 'careful');
    lazy.info('again');
    logThrough(lazy, 'info', line, 'request completed');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { ...ids, ...tenant, code: 'X', msg: 'careful' },
      { ...ids, ...tenant, msg: 'again' },
      { ...ids, ...tenant, ...line, msg: 'request completed' },
    ]);
    expect(lazy.bindings()).toMatchObject({ ...ids, ...tenant });
  });

  it('skips a disabled level in logThrough', () => {
    const { logger, lines } = capture();
    logThrough(lazyChild(logger, ids), 'debug', line, 'quiet');
    expect(lines).toEqual([]);
  });
});
