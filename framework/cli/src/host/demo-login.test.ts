import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { developmentTenantId } from '@codexion/framework/foundation';
import { createKernel, type Kernel } from '@codexion/framework/kernel';
import { TenancyToken } from '@codexion/framework/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppPlugin } from '../commands/load-app-plugin.js';
import { findApps } from '../workspace/find-apps.js';
import { ensureDemoLogin } from './demo-login.js';

/** The real workspace: the fixture's plugin imports @codexion/framework from its node_modules. */
const root = resolve(import.meta.dirname, '../../../..');
let folder: string;
let kernel: Kernel;
let database: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'prefiq-demo-login-'));
  const sales = (await findApps(root)).find((app) => app.name === 'sales');
  if (!sales) throw new Error('the sales fixture is missing');
  kernel = createKernel({
    root,
    plugins: [await loadAppPlugin(sales, root)],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent', CODEXION_DATABASE__DATA_DIR: 'memory://' },
  });
  database = (await kernel.boot({ seed: false })).database;
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await rm(folder, { recursive: true, force: true });
});

describe('ensureDemoLogin', () => {
  it('makes the owner once and keeps its login; another host of the same data finds it', async () => {
    const first = await ensureDemoLogin(kernel, {
      demoTenantId: developmentTenantId,
      database,
      loginFile: join(folder, 'sales-login.json'),
      host: 'the sales app',
    });
    expect(first).toEqual({
      firstRun: true,
      ownerLogin: {
        email: 'owner@acme.example',
        password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/),
      },
    });
    const signIn = await kernel.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(first.ownerLogin),
    });
    expect(signIn.status).toBe(200);
    const tenancy = kernel.container.resolve(TenancyToken);
    expect((await tenancy.getTenant(developmentTenantId))?.name).toBe('Acme (demo)');

    // Cortex on the same data folder: its own login file is missing, the app's is beside it
    const second = await ensureDemoLogin(kernel, {
      demoTenantId: developmentTenantId,
      database,
      loginFile: join(folder, 'cortex-login.json'),
      host: 'Cortex',
    });
    expect(second).toEqual({ firstRun: false, ownerLogin: first.ownerLogin });
    // another database's login is not this one's
    expect(
      await ensureDemoLogin(kernel, {
        demoTenantId: developmentTenantId,
        database: 'pglite /elsewhere',
        loginFile: join(folder, 'cortex-login.json'),
        host: 'Cortex',
      }),
    ).toEqual({ firstRun: false });
    expect(await ensureDemoLogin(kernel, { demoTenantId: developmentTenantId, database, host: 'x' })).toEqual(
      {
        firstRun: false,
      },
    );
  });
});
