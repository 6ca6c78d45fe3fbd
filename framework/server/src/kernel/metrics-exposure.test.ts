import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../data/test-database.js';
import type { ConfigInput } from '../foundation/kernel-config.js';
import { loadConfig } from '../foundation/load-config.js';
import { redactConfig } from '../foundation/redact-config.js';
import { createKernel, type Kernel } from './boot.js';
import { metricsExposure } from './metrics-exposure.js';
import { logCapture, type ProbeApp, probePlugin, writeProbeApp } from './probe-app.test-helper.js';

const token = 'a-scrape-token-of-at-least-32-characters';
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });

/** What production requires of the environment, so a production kernel boots. */
const productionEnv = {
  NODE_ENV: 'production',
  CODEXION_SECRETS__CURSOR: 'a-production-cursor-secret',
  CODEXION_AUTH__PUBLIC_URL: 'https://app.example.com',
  CODEXION_AUTH__MFA__ENCRYPTION_KEY: 'an-mfa-encryption-key-that-is-long-enough-1234',
  CODEXION_AUTH__JWT__ACTIVE_KID: 'k1',
  CODEXION_AUTH__JWT__KEYS__K1__ALG: 'EdDSA',
  CODEXION_AUTH__JWT__KEYS__K1__PRIVATE_KEY: String(signingKey),
};

let probe: ProbeApp;
const kernels: Kernel[] = [];
const disposers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  probe = await writeProbeApp();
});

afterAll(async () => {
  for (const kernel of kernels) await kernel.shutdown('test');
  for (const dispose of disposers) await dispose();
  await rm(probe.root, { recursive: true, force: true });
});

async function exposureFor(env: Record<string, string>, overrides: ConfigInput = {}) {
  const { config } = await loadConfig({ root: probe.root, env, overrides });
  return metricsExposure(config);
}

async function bootKernel(env: Record<string, string>, overrides: ConfigInput = {}) {
  const test = await createTestDatabase({ migrations: [] });
  disposers.push(test.dispose);
  const logs = logCapture();
  const kernel = createKernel({
    root: probe.root,
    plugins: [probePlugin(probe)],
    env,
    overrides,
    database: test.database,
    logDestination: logs.stream,
  });
  kernels.push(kernel);
  await kernel.boot();
  return { kernel, logs };
}

describe('metricsExposure', () => {
  it('opens /metrics on the app port in development and test only, unless told otherwise', async () => {
    expect(await exposureFor({ NODE_ENV: 'development' })).toEqual({ onAppPort: {} });
    expect(await exposureFor({ NODE_ENV: 'test' })).toEqual({ onAppPort: {} });
    const production = await exposureFor(productionEnv);
    expect(production.onAppPort).toBe(false);
    expect(production.listener).toBeUndefined();
    expect(production.warning).toMatch(/metrics\.port.*METRICS__TOKEN/);
    // a staging environment is no development
    expect((await exposureFor({ ...productionEnv, NODE_ENV: 'staging' })).onAppPort).toBe(false);
  });

  it('asks for the token wherever it is set, and moves /metrics off the app port with a port', async () => {
    expect(await exposureFor({ ...productionEnv, CODEXION_METRICS__TOKEN: token })).toEqual({
      onAppPort: { token },
    });
    expect(await exposureFor({ NODE_ENV: 'test', CODEXION_METRICS__TOKEN: token })).toEqual({
      onAppPort: { token },
    });
    expect(await exposureFor({ ...productionEnv, CODEXION_METRICS__PORT: '9464' })).toEqual({
      onAppPort: false,
      listener: { host: '0.0.0.0', port: 9464 },
    });
    expect(
      await exposureFor({
        ...productionEnv,
        CODEXION_METRICS__PORT: '9464',
        CODEXION_METRICS__HOST: '10.0.0.5',
        CODEXION_METRICS__TOKEN: token,
      }),
    ).toEqual({ onAppPort: false, listener: { host: '10.0.0.5', port: 9464, token } });
  });

  it('takes the token from the environment only, never from a config file, and never prints it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'metrics-config-'));
    try {
      await mkdir(join(root, 'config'));
      await writeFile(join(root, 'config', 'base.yaml'), `metrics:\n  token: ${token}\n`);
      await expect(loadConfig({ root, env: { NODE_ENV: 'test' } })).rejects.toThrow(
        /metrics\.token.*CODEXION_METRICS__TOKEN/,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    const short = loadConfig({
      root: probe.root,
      env: { NODE_ENV: 'test', CODEXION_METRICS__TOKEN: 'short' },
    });
    await expect(short).rejects.toThrow(/metrics\.token/);
    const { config } = await loadConfig({
      root: probe.root,
      env: { NODE_ENV: 'test', CODEXION_METRICS__TOKEN: token },
    });
    expect(JSON.stringify(redactConfig(config))).not.toContain(token);
  });
});

describe('a kernel serving /metrics', () => {
  it('in production without port or token: not on the app port, and the boot says so', async () => {
    const { kernel, logs } = await bootKernel(productionEnv);
    const response = await kernel.app.request('/metrics');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    const warning = logs.lines().find((line) => line.level === 'warn' && /metrics/.test(String(line.msg)));
    expect(warning?.msg).toContain('metrics.port');
    expect(logs.text()).not.toContain(token);
    // the probes stay where orchestrators look for them
    expect((await kernel.app.request('/readyz')).status).toBe(200);
  });

  it('in production with a token: only to a request that brings it', async () => {
    const { kernel, logs } = await bootKernel({ ...productionEnv, CODEXION_METRICS__TOKEN: token });
    const anonymous = await kernel.app.request('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const scrape = await kernel.app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('http_request_duration_seconds');
    expect(logs.text()).not.toContain(token);
  });

  it('with metrics.port: on a listener of its own, not on the app port, closed at shutdown', async () => {
    const { kernel } = await bootKernel({ NODE_ENV: 'test' }, { metrics: { port: 0 } });
    const server = await kernel.listen({ port: 0 });
    const metricsServer = kernel.metricsServer;
    if (metricsServer === undefined) throw new Error('no metrics listener');
    expect(metricsServer.port).not.toBe(server.port);
    const onApp = await fetch(`${server.url}/metrics`);
    expect(onApp.status).toBe(404);
    const scrape = await fetch(`${metricsServer.url}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('http_requests_in_flight');
    // the API is not on the metrics port
    expect((await fetch(`${metricsServer.url}/api/probe/ping`)).status).toBe(404);
    await kernel.shutdown('test');
    await expect(fetch(`${metricsServer.url}/metrics`)).rejects.toThrow();
  });
});
