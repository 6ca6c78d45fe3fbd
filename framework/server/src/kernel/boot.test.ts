import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { createTestDatabase } from '../data/test-database.js';
import { ConfigError } from '../foundation/config-error.js';
import { KernelError } from '../foundation/kernel-error.js';
import { developmentTenantId } from '../foundation/load-config.js';
import { PluginError } from '../plugins/plugin-error.js';
import { createKernel, type Kernel } from './boot.js';
import { DatabaseToken } from './kernel-tokens.js';
import { logCapture, type ProbeApp, probePlugin, writeProbeApp } from './probe-app.test-helper.js';

const testEnv = { NODE_ENV: 'test' };
const cleanup: string[] = [];
const disposers: (() => Promise<void>)[] = [];
let probe: ProbeApp;

beforeAll(async () => {
  probe = await writeProbeApp();
  cleanup.push(probe.root);
});

afterAll(async () => {
  for (const dispose of disposers) await dispose();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** A kernel on a migrated test database (PGlite from a cached template, or PostgreSQL). */
async function testKernel(
  plugins = [probePlugin(probe)],
  extra: Partial<Parameters<typeof createKernel>[0]> = {},
) {
  let database = extra.database;
  if (!database) {
    const test = await createTestDatabase({ migrations: [] });
    // drops the PostgreSQL test database; the kernel has closed it by then
    disposers.push(test.dispose);
    database = test.database;
  }
  const logs = logCapture();
  const kernel = createKernel({
    root: probe.root,
    plugins,
    env: testEnv,
    database,
    logDestination: logs.stream,
    ...extra,
  });
  return { kernel, logs, database };
}

/**
 * One test database for several kernels in a row (each boot sees what the previous left): the
 * kernels get a handle whose close does nothing; the test closes (and drops) it at the end.
 */
async function sharedDatabase(): Promise<Database> {
  const { database, dispose } = await createTestDatabase({ migrations: [] });
  disposers.push(dispose);
  return { ...database, close: async () => {} } as Database;
}

/** A database that is never queried, for refusals that happen before any SQL: records its close. */
function idleDatabase(): Database & { closed: boolean } {
  const idle = {
    kind: 'pglite' as const,
    closed: false,
    ping: async () => {},
    close: async () => {
      idle.closed = true;
    },
  };
  return idle as unknown as Database & { closed: boolean };
}

describe('createKernel: a full boot', () => {
  let kernel: Kernel;
  const calls: string[] = [];
  const logs = logCapture();

  beforeAll(async () => {
    kernel = createKernel({
      root: probe.root,
      plugins: [
        probePlugin(probe, {
          onPreboot: (ctx) => void calls.push(`preboot ${ctx.plugin} ${ctx.config.env}`),
          onUpgrade: (from, to) => void calls.push(`upgrade ${from ?? 'none'} -> ${to}`),
          onBoot: () => void calls.push('boot'),
          onReady: () => void calls.push('ready'),
          onShutdown: async (ctx) => {
            // the database is still open while shutdown hooks run
            await ctx.database.ping();
            calls.push('shutdown');
          },
        }),
      ],
      env: testEnv,
      database: (
        await createTestDatabase({ migrations: [] }).then((test) => {
          disposers.push(test.dispose);
          return test;
        })
      ).database,
      logDestination: logs.stream,
    });
  }, 60_000);

  afterAll(() => kernel.shutdown());

  it('runs the steps in order, one JSON line each, with one trace id', async () => {
    const report = await kernel.boot();
    expect(report).toMatchObject({
      mode: 'serve',
      plugins: [{ name: 'probe', version: '1.0.0', dependencies: {} }],
      migrations: [{ name: 'probe', tags: ['0000_init'] }],
      upgrades: [{ plugin: 'probe', from: undefined, to: '1.0.0' }],
      database: expect.stringMatching(/^given \((pglite|postgres)\)$/),
    });
    const steps = logs.lines().filter((l) => l.msg === 'boot step');
    expect(steps.map((l) => l.step)).toEqual([
      'config',
      'container',
      'providers',
      'plugins',
      'migrations',
      'routes',
      'jobs',
      'health',
      'ready',
    ]);
    for (const line of steps) {
      expect(line).toMatchObject({
        trace_id: kernel.traceId,
        ok: true,
        level: 'info',
        service: 'prefiq',
        env: 'test',
      });
      expect(typeof line.duration_ms).toBe('number');
    }
    expect(kernel.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(calls).toEqual(['preboot probe test', 'upgrade none -> 1.0.0', 'boot', 'ready']);
    expect(kernel.state).toBe('ready');
  });

  it('serves the plugin and the framework routes', async () => {
    const ping = await kernel.app.request('/api/probe/ping');
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ pong: true, tenant: developmentTenantId });
    const count = await kernel.app.request('/api/probe/notes/count', {
      headers: { 'X-Codexion-Tenant': '22222222-2222-4222-8222-222222222222' },
    });
    expect(await count.json()).toEqual({ count: 0 });
    expect((await kernel.app.request('/healthz')).status).toBe(200);
    const ready = await kernel.app.request('/readyz');
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: { kernel: { ok: true }, database: { ok: true } },
    });
    expect(await (await kernel.app.request('/metrics')).text()).toContain('http_request_duration_seconds');
    expect((await kernel.app.request('/api/docs')).status).toBe(200);
    const doc = (await (await kernel.app.request('/api/probe/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).toEqual(['/notes/count', '/ping', '/slow']);
    const bad = await kernel.app.request('/api/probe/slow', {
      method: 'POST',
      body: '{"ms":-1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(422);
  });

  it('shuts down: not ready, onShutdown with the database open, then the database closed', async () => {
    const database = kernel.container.resolve(DatabaseToken);
    await kernel.shutdown('test');
    expect(calls.at(-1)).toBe('shutdown');
    expect(kernel.state).toBe('stopped');
    await expect(database.ping()).rejects.toThrow();
    const shutdownSteps = logs
      .lines()
      .filter((l) => l.msg === 'shutdown step')
      .map((l) => l.step);
    expect(shutdownSteps).toEqual(['drain', 'hooks', 'dispose']);
    await kernel.shutdown();
  });
});

describe('createKernel: dry run, migrate only, upgrades and seeds', () => {
  it('plans without creating anything: the data dir does not exist afterwards', async () => {
    const root = await mkdtemp(join(tmpdir(), 'prefiq-dry-'));
    cleanup.push(root);
    const logs = logCapture();
    let hooked = false;
    const kernel = createKernel({
      root,
      plugins: [
        probePlugin(probe, {
          onPreboot: () => {
            hooked = true;
          },
          seed: () => {
            hooked = true;
          },
        }),
      ],
      env: testEnv,
      logDestination: logs.stream,
      providers: [
        {
          name: 'noisy',
          register: () => {
            hooked = true;
          },
        },
      ],
    });
    const plan = await kernel.boot({ dryRun: true, seed: true });
    expect(plan).toMatchObject({
      mode: 'dry-run',
      plugins: [{ name: 'probe', version: '1.0.0' }],
      migrations: [{ name: 'probe', tags: ['0000_init'] }],
      upgrades: [{ plugin: 'probe', to: '1.0.0' }],
      seeded: [],
      database: `pglite ${join(root, '.codexion/data')}`,
    });
    expect(plan.routes).toContainEqual({
      method: 'GET',
      path: '/api/probe/ping',
      operationId: 'ping',
      plugin: 'probe',
    });
    expect(plan.routes).toContainEqual({ method: 'GET', path: '/healthz' });
    expect(existsSync(join(root, '.codexion'))).toBe(false);
    expect(hooked).toBe(false);
    expect(() => kernel.app).toThrow(/not available/);
    await kernel.shutdown();
  });

  it('migrates only, then upgrades and seeds once across boots of the same data', async () => {
    const database = await sharedDatabase();
    const upgrades: string[] = [];
    const boot = () =>
      createKernel({
        root: probe.root,
        database,
        plugins: [
          probePlugin(probe, {
            onUpgrade: (from, to) => void upgrades.push(`${from ?? 'none'} -> ${to}`),
            seed: async (ctx) => {
              await ctx.tx.execute(
                sql`insert into probe.notes (tenant_id, text) values (${ctx.tenantId}, 'hello')`,
              );
            },
          }),
        ],
        env: testEnv,
        logDestination: logCapture().stream,
      });
    const first = boot();
    const migrated = await first.boot({ migrateOnly: true, seed: true });
    expect(migrated).toMatchObject({
      mode: 'migrate-only',
      migrations: [{ name: 'probe', tags: ['0000_init'] }],
      seeded: [{ plugin: 'probe', tenantId: developmentTenantId }],
      routes: [],
    });
    expect(first.state).toBe('booted');
    await expect(first.listen()).rejects.toThrow(/needs a serving boot/);
    await first.shutdown();

    const second = boot();
    const again = await second.boot({ seed: true });
    expect(again).toMatchObject({ migrations: [{ name: 'probe', tags: [] }], upgrades: [], seeded: [] });
    const count = await second.app.request('/api/probe/notes/count');
    expect(await count.json()).toEqual({ count: 1 });
    await second.shutdown();
    expect(upgrades).toEqual(['none -> 1.0.0']);
  });

  it('calls onUpgrade(from, to) when the plugin version changed', async () => {
    const v1 = await writeProbeApp({ version: '1.0.0' });
    cleanup.push(v1.root);
    const upgrades: string[] = [];
    const database = await sharedDatabase();
    const run = async (app: ProbeApp) => {
      const kernel = createKernel({
        root: v1.root,
        database,
        plugins: [
          probePlugin(app, { onUpgrade: (from, to) => void upgrades.push(`${from ?? 'none'} -> ${to}`) }),
        ],
        env: testEnv,
        logDestination: logCapture().stream,
      });
      await kernel.boot({ migrateOnly: true });
      await kernel.shutdown();
    };
    await run(v1);
    const v2 = await writeProbeApp({ version: '1.1.0' });
    cleanup.push(v2.root);
    await run(v2);
    expect(upgrades).toEqual(['none -> 1.0.0', '1.0.0 -> 1.1.0']);
  });
});

describe('createKernel: refusals', () => {
  it('with anonymous access, listens on loopback only (and warns); with sign-in, anywhere', async () => {
    // the test environment's default: requests without credentials act with every permission
    const anonymous = await testKernel();
    await anonymous.kernel.boot();
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      const refused = await anonymous.kernel.listen({ host, port: 0 }).catch((e: unknown) => e);
      expect(refused, host).toBeInstanceOf(KernelError);
      expect(refused).toMatchObject({ code: 'LISTEN_REFUSED' });
      expect((refused as Error).message).toContain(`refusing to listen on ${host}: anonymous access`);
    }
    const local = await anonymous.kernel.listen({ host: '127.0.0.1', port: 0 });
    expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
    expect(anonymous.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/^ANONYMOUS ACCESS: /) }),
    );
    await anonymous.kernel.shutdown();

    const signedIn = await testKernel(undefined, { overrides: { auth: { trustedContext: false } } });
    await signedIn.kernel.boot();
    const everywhere = await signedIn.kernel.listen({ host: '0.0.0.0', port: 0 });
    expect((await fetch(`http://127.0.0.1:${everywhere.port}/healthz`)).status).toBe(200);
    expect(signedIn.logs.lines().some((line) => line.level === 'warn')).toBe(false);
    await signedIn.kernel.shutdown();
  });

  it('stops on a bad config value, naming key, value and reason, and logs the failed step', async () => {
    const logs = logCapture();
    const kernel = createKernel({
      root: probe.root,
      plugins: [probePlugin(probe)],
      env: { ...testEnv, CODEXION_HTTP__PORT: 'eighty' },
      logDestination: logs.stream,
    });
    const error = await kernel.boot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      'invalid config: http.port = "eighty" (from env CODEXION_HTTP__PORT): must be integer',
    );
    expect(kernel.state).toBe('failed');
    const [line] = logs.lines();
    expect(line).toMatchObject({ step: 'config', ok: false, level: 'error', trace_id: kernel.traceId });
    expect(line?.err).toMatchObject({ message: expect.stringContaining('http.port') });
    await kernel.shutdown();
  });

  it('refuses a plugin with a dependency cycle before running any of it, and closes the database', async () => {
    const a = await writeProbeApp({ name: 'aa', dependencies: { bb: '*' }, migrations: false });
    const b = await writeProbeApp({ name: 'bb', dependencies: { aa: '*' }, migrations: false });
    cleanup.push(a.root, b.root);
    let ran = false;
    const database = idleDatabase();
    const { kernel } = await testKernel(
      [
        probePlugin(a, {
          onPreboot: () => {
            ran = true;
          },
        }),
        probePlugin(b),
      ],
      { database },
    );
    const error = await kernel.boot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toBe('plugin dependency cycle: aa -> bb -> aa');
    expect(ran).toBe(false);
    expect(database.closed).toBe(true);
  });

  it('refuses a missing dependency and a framework range', async () => {
    const needy = await writeProbeApp({
      name: 'needy',
      dependencies: { ghost: '^1.0.0' },
      migrations: false,
    });
    cleanup.push(needy.root);
    const { kernel } = await testKernel([probePlugin(needy)], { database: idleDatabase() });
    await expect(kernel.boot()).rejects.toThrow(
      'plugin "needy" depends on "ghost" (^1.0.0), which is not registered',
    );
    const { kernel: old } = await testKernel([probePlugin(probe)], {
      frameworkVersion: '0.0.1',
      database: idleDatabase(),
    });
    await expect(old.boot()).rejects.toThrow('needs @codexion/framework >=0.1.0, but this is 0.0.1');
  });

  it('refuses to serve pending migrations when runOnBoot is off', async () => {
    const { kernel } = await testKernel([probePlugin(probe)], {
      overrides: { migrations: { runOnBoot: false } },
    });
    // the framework's own sources come first, then the plugins'
    await expect(kernel.boot()).rejects.toThrow(
      /pending migrations \(prefiq-identity: 0000_identity; (.+; )?probe: 0000_init\) and migrations\.runOnBoot is off: run `prefiq migrate`/,
    );
  });

  it('names the plugin and hook that failed, and refuses a second boot', async () => {
    const { kernel } = await testKernel([
      probePlugin(probe, {
        onBoot: () => {
          throw new Error('no licence');
        },
      }),
    ]);
    await expect(kernel.boot()).rejects.toThrow('plugin "probe" failed in onBoot: no licence');
    expect(() => kernel.boot()).toThrow(/already called/);
  });
});
