import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryOutput } from '../output.js';
import { type ServeOptions, serveCommand } from './serve-command.js';

/** The real workspace: the fixture's plugin imports @codexion/framework from its node_modules. */
const root = resolve(import.meta.dirname, '../../../..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'prefiq-serve-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `prefiq serve` running in the test, once it printed its URL. */
async function serving(options: Omit<ServeOptions, 'root' | 'signals'>) {
  const signals = new EventEmitter();
  const out = memoryOutput();
  const exit = serveCommand({ root, signals, ...options }, out);
  let url: string | undefined;
  while (url === undefined) {
    if (out.errors.length > 0) throw new Error(out.errors.join('\n'));
    url = /listening on (http:\/\/\S+)/.exec(out.lines.join('\n'))?.[1];
    await new Promise((done) => setTimeout(done, 20));
  }
  const login = /sign in as (\S+) \/ (\S+)/.exec(out.lines.join('\n'));
  return {
    url,
    out,
    exit,
    /** the printed demo login, when there is one */
    login: login ? { email: login[1] ?? '', password: login[2] ?? '' } : undefined,
    stop: async () => {
      signals.emit('SIGTERM', 'SIGTERM');
      return exit;
    },
  };
}

/** Signs in with a password like the sign-in page does; the session cookie, for the next requests. */
async function sessionCookie(url: string, login: { email: string; password: string } | undefined) {
  if (!login) throw new Error('no login was printed');
  const answer = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  expect(answer.status).toBe(200);
  return answer.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

describe('prefiq serve', () => {
  it('--dry-run prints plugins, pending migrations and routes, and creates nothing', async () => {
    const dataDir = join(scratch, 'data');
    const out = memoryOutput();
    const code = await serveCommand(
      {
        root,
        app: 'sales',
        dryRun: true,
        env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'warn', CODEXION_DATABASE__DATA_DIR: dataDir },
      },
      out,
    );
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    expect(out.lines[0]).toMatch(/^plan \(dry run, nothing changed\) — trace [0-9a-f]{32}, \d+ ms$/);
    expect(out.lines).toContain(`database: pglite ${dataDir}`);
    expect(out.lines).toContain('  1. sales 0.1.0');
    expect(out.lines).toContain('  sales: 0000_init');
    expect(out.lines).toContain('  GET    /api/sales/accounts  listAccounts');
    expect(out.lines).toContain('  POST   /api/sales/opportunities/{id}/move  moveOpportunity');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('serves the app over HTTP until SIGTERM, then drains and exits 0', async () => {
    const served = await serving({
      app: 'sales',
      port: 0,
      env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'warn', CODEXION_DATABASE__DATA_DIR: 'memory://' },
    });
    expect(served.out.lines[0]).toMatch(
      /^✓ framework\/cli\/fixtures\/sales listening on http:\/\/127\.0\.0\.1:\d+ \(docs: .+\/api\/docs\)$/,
    );
    expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
    // signing in is required even where the test environment trusts requests by default
    expect((await fetch(`${served.url}/api/sales/accounts`)).status).toBe(401);
    expect(await served.stop()).toBe(0);
    await expect(fetch(`${served.url}/healthz`)).rejects.toThrow();
  });

  it('requires signing in: 401 without credentials, with or without a tenant header; the printed login reads the deals', async () => {
    const dataDir = join(scratch, 'crm', 'data');
    const crm = await serving({
      app: 'crm',
      port: 0,
      ui: false,
      env: {
        NODE_ENV: 'development',
        CODEXION_LOGGING__LEVEL: 'warn',
        CODEXION_LOGGING__PRETTY: 'false',
        CODEXION_DATABASE__DATA_DIR: dataDir,
      },
    });
    try {
      for (const headers of [{}, { 'X-Codexion-Tenant': '00000000-0000-4000-8000-000000000001' }] as Record<
        string,
        string
      >[]) {
        const anonymous = await fetch(`${crm.url}/api/crm/deals`, { headers });
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(crm.login).toEqual({
        email: 'owner@acme.example',
        password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/),
      });
      const loginFile = join(scratch, 'crm', 'crm-login.json');
      expect(crm.out.lines).toContain(`  (saved in ${loginFile})`);
      expect((await stat(loginFile)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(loginFile, 'utf8'))).toMatchObject(crm.login ?? {});
      const cookie = await sessionCookie(crm.url, crm.login);
      const deals = await fetch(`${crm.url}/api/crm/deals?pageSize=3`, { headers: { cookie } });
      expect(deals.status).toBe(200);
      expect(((await deals.json()) as { items: unknown[] }).items).toHaveLength(3);
      const me = (await (await fetch(`${crm.url}/api/auth/me`, { headers: { cookie } })).json()) as {
        tenantId: string;
        roles: string[];
      };
      expect(me).toMatchObject({ tenantId: '00000000-0000-4000-8000-000000000001', roles: ['owner'] });
    } finally {
      expect(await crm.stop()).toBe(0);
    }
  }, 120_000);

  it('seeds demo data in development unless --no-seed; --anonymous serves it without signing in', async () => {
    const env = {
      NODE_ENV: 'development',
      CODEXION_LOGGING__LEVEL: 'warn',
      CODEXION_LOGGING__PRETTY: 'false',
      CODEXION_DATABASE__DATA_DIR: 'memory://',
    };
    const seeded = await serving({ app: 'sales', port: 0, env });
    const cookie = await sessionCookie(seeded.url, seeded.login);
    const accounts = (await (
      await fetch(`${seeded.url}/api/sales/accounts`, { headers: { cookie } })
    ).json()) as { items: unknown[] };
    expect(accounts.items).toHaveLength(2);
    expect(await seeded.stop()).toBe(0);
    expect(seeded.out.lines).toContain('  seeded demo data for tenant 00000000-0000-4000-8000-000000000001');
    expect(seeded.out.lines.some((line) => line.includes('ANONYMOUS'))).toBe(false);

    const bare = await serving({ app: 'sales', port: 0, env, seed: false, anonymous: true });
    const empty = await fetch(`${bare.url}/api/sales/accounts`);
    expect(empty.status).toBe(200);
    expect(((await empty.json()) as { items: unknown[] }).items).toEqual([]);
    expect(await bare.stop()).toBe(0);
    expect(bare.login).toBeUndefined();
    expect(bare.out.lines).toContainEqual(expect.stringMatching(/^ {2}⚠ ANONYMOUS ACCESS: /));

    const usage = memoryOutput();
    expect(await main(['serve', '--app', 'nope', '--no-seed', '--root', root], usage)).toBe(2);
    expect(usage.errors[0]).toBe('no app named "nope" (looked for <dir>/nope/core/app.json)');
  }, 60_000);

  it('refuses anonymous access beyond loopback, from the flag or the config, before building anything', async () => {
    const env = {
      NODE_ENV: 'development',
      CODEXION_LOGGING__LEVEL: 'silent',
      CODEXION_DATABASE__DATA_DIR: 'memory://',
    };
    const flag = memoryOutput();
    expect(
      await main(
        ['serve', '--app', 'sales', '--anonymous', '--host', '0.0.0.0', '--no-ui', '--root', root],
        flag,
      ),
    ).toBe(2);
    expect(flag.errors[0]).toMatch(
      /^✗ sales: anonymous access \(--anonymous\) is served on a loopback address only \(127\.0\.0\.1, ::1, localhost\), not on 0\.0\.0\.0/,
    );
    const config = memoryOutput();
    const code = await serveCommand(
      {
        root,
        app: 'sales',
        ui: false,
        env: { ...env, CODEXION_AUTH__TRUSTED_CONTEXT: 'true', CODEXION_HTTP__HOST: '192.168.1.10' },
      },
      config,
    );
    expect(code).toBe(2);
    expect(config.errors[0]).toContain('(auth.trustedContext) is served on a loopback address only');
    expect(config.errors[0]).toContain('not on 192.168.1.10');
    expect(config.lines).toEqual([]);
  });

  it('refuses an unknown app and a bad port', async () => {
    const out = memoryOutput();
    expect(await serveCommand({ root, app: 'nope' }, out)).toBe(2);
    expect(out.errors[0]).toBe('no app named "nope" (looked for <dir>/nope/core/app.json)');
    const usage = memoryOutput();
    expect(await main(['serve', '--app', 'sales', '--port', 'http', '--root', root], usage)).toBe(2);
    expect(usage.errors[0]).toMatch(/^--port must be a port number \(0-65535\), got "http"/);
    expect(await main(['serve', '--root', root], memoryOutput())).toBe(2);
  });

  it('stops with exit code 1 and the reason on a bad config value', async () => {
    const out = memoryOutput();
    const code = await serveCommand(
      {
        root,
        app: 'sales',
        env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent', CODEXION_HTTP__DRAIN_MS: 'soon' },
      },
      out,
    );
    expect(code).toBe(1);
    expect(out.errors).toEqual([
      '✗ sales: invalid config: http.drainMs = "soon" (from env CODEXION_HTTP__DRAIN_MS): must be integer',
    ]);
  });
});
