import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../data/test-database.js';
import { createKernel } from './boot.js';
import { logCapture, probePlugin, writeProbeApp } from './probe-app.test-helper.js';
import { runUntilSignal } from './run-until-signal.js';

const roots: string[] = [];
const disposers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const dispose of disposers) await dispose();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('runUntilSignal', () => {
  it('on SIGTERM lets a slow in-flight request finish, refuses new ones, then stops', async () => {
    const probe = await writeProbeApp({ migrations: false });
    roots.push(probe.root);
    const events: string[] = [];
    const logs = logCapture();
    const { database, dispose } = await createTestDatabase();
    disposers.push(dispose);
    const kernel = createKernel({
      root: probe.root,
      plugins: [
        probePlugin(probe, {
          actions: {
            ...probePlugin(probe).actions,
            slow: async () => {
              await new Promise((resolve) => setTimeout(resolve, 400));
              events.push('slow handled');
              return { body: { slept: 400 } };
            },
          },
          onShutdown: () => void events.push('onShutdown'),
        }),
      ],
      env: { NODE_ENV: 'test', CODEXION_HTTP__DRAIN_MS: '5000' },
      database,
      logDestination: logs.stream,
    });
    await kernel.boot();
    const server = await kernel.listen({ port: 0 });
    const signals = new EventEmitter();
    const stopped = runUntilSignal(kernel, { source: signals });
    expect(signals.listenerCount('SIGTERM')).toBe(1);

    const slow = fetch(`${server.url}/api/probe/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 400 }),
    }).then(async (response) => {
      return { status: response.status, body: (await response.json()) as unknown };
    });
    // wait until the request is being handled
    while (server.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    signals.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kernel.state).toBe('stopping');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    expect(await slow).toEqual({ status: 200, body: { slept: 400 } });
    expect(await stopped).toBe('SIGTERM');
    expect(events).toEqual(['slow handled', 'onShutdown']);
    expect(kernel.state).toBe('stopped');
    expect(signals.listenerCount('SIGTERM')).toBe(0);
    const drain = logs.lines().find((l) => l.step === 'drain');
    expect(drain).toMatchObject({ in_flight: 1, drain_ms: 5000, ok: true });
  });

  it('exits at once on a second signal during shutdown', async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    let finish: () => void = () => {};
    const kernel = {
      shutdown: () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    };
    const stopped = runUntilSignal(kernel, { source: signals, forceExit: (code) => void exits.push(code) });
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([130]);
    finish();
    expect(await stopped).toBe('SIGINT');
  });

  it('rejects when the shutdown fails', async () => {
    const signals = new EventEmitter();
    const stopped = runUntilSignal(
      { shutdown: () => Promise.reject(new Error('stuck')) },
      { source: signals },
    );
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(stopped).rejects.toThrow('stuck');
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});
