import { createServer } from 'node:net';
import { startCortex } from '../../cortex/bin/cortex-host.js';
import { startTestIdp, type TestIdp } from './cortex-oidc-provider.js';
import { ssoProviderId, ssoProviderName } from './cortex-sso.js';
import { workspaceRoot } from './start-crm.js';

export interface Credentials {
  email: string;
  password: string;
}

export interface RunningCortex {
  /** `http://127.0.0.1:<port>`: the shell at `/`, the APIs under `/api` */
  url: string;
  /** the owner account the first boot created (owner of every seeded tenant) */
  owner: Credentials;
  /** the test OpenID provider Cortex trusts for single sign-on */
  idp: TestIdp;
  /** how long the boot took, UI build included, in ms */
  bootMs: number;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the OpenID client must know Cortex's callback URL before it starts). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Cortex as `npm start` runs it — every app, the shell built when stale and served on the same
 * port, the demo tenants seeded and an owner account created — but with PGlite in memory, on a
 * free port of 127.0.0.1, with a test OpenID provider for single sign-on and no rate limit on
 * `/api/auth` (the suite signs in often from one address).
 *
 * @example
 * const cortex = await startCortexForE2e(); await page.goto(cortex.url); await cortex.stop();
 */
export async function startCortexForE2e(): Promise<RunningCortex> {
  const started = performance.now();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const idp = await startTestIdp({ redirectUri: `${url}/api/auth/oidc/${ssoProviderId}/callback` });
  try {
    const cortex = await startCortex({
      root: workspaceRoot,
      port,
      host: '127.0.0.1',
      ui: true,
      seed: true,
      dataDir: 'memory://',
      env: {
        ...process.env,
        NODE_ENV: 'test',
        // PGlite in memory, even where CI points DATABASE_URL at a shared PostgreSQL (empty = unset)
        DATABASE_URL: '',
        CODEXION_DATABASE__URL: '',
        CODEXION_DATABASE__DATA_DIR: 'memory://',
        CODEXION_LOGGING__LEVEL: 'warn',
        CODEXION_LOGGING__PRETTY: 'false',
      },
      overrides: {
        auth: {
          publicUrl: url,
          trustedContext: false,
          rateLimit: { enabled: false },
          oidc: {
            providers: {
              [ssoProviderId]: {
                name: ssoProviderName,
                issuer: idp.issuer,
                clientId: idp.clientId,
                clientSecret: idp.clientSecret,
                redirectUri: `${url}/api/auth/oidc/${ssoProviderId}/callback`,
                scopes: ['openid', 'email', 'profile'],
                createUsers: false,
              },
            },
          },
        },
      },
    });
    if (cortex.ownerLogin === undefined) throw new Error('Cortex created no owner account on its first boot');
    return {
      url: cortex.url,
      owner: cortex.ownerLogin,
      idp,
      bootMs: Math.round(performance.now() - started),
      async stop() {
        try {
          await cortex.close();
        } finally {
          await idp.close();
        }
      },
    };
  } catch (error) {
    await idp.close();
    throw error;
  }
}
