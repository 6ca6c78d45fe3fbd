import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryOutput } from '../output.js';
import { serveCommand } from './serve-command.js';

/** The real workspace: the fixture's plugin imports @codexion/framework from its node_modules. */
const root = resolve(import.meta.dirname, '../../../..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'prefiq-serve-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

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
    const signals = new EventEmitter();
    const out = memoryOutput();
    const exit = serveCommand(
      {
        root,
        app: 'sales',
        port: 0,
        env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'warn', CODEXION_DATABASE__DATA_DIR: 'memory://' },
        signals,
      },
      out,
    );
    let url: string | undefined;
    while (url === undefined) {
      if (out.errors.length > 0) throw new Error(out.errors.join('\n'));
      url = /listening on (http:\/\/\S+)/.exec(out.lines.join('\n'))?.[1];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(out.lines[0]).toMatch(
      /^✓ framework\/cli\/fixtures\/sales listening on http:\/\/127\.0\.0\.1:\d+ \(docs: .+\/api\/docs\)$/,
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const accounts = await fetch(`${url}/api/sales/accounts`);
    expect(accounts.status).toBe(200);
    expect(await accounts.json()).toMatchObject({ items: [], nextCursor: null });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('seeds demo data in development unless --no-seed', async () => {
    const accountsServed = async (
      seed: boolean | undefined,
    ): Promise<{ items: unknown[]; lines: string[] }> => {
      const signals = new EventEmitter();
      const out = memoryOutput();
      const exit = serveCommand(
        {
          root,
          app: 'sales',
          port: 0,
          env: {
            NODE_ENV: 'development',
            CODEXION_LOGGING__LEVEL: 'warn',
            CODEXION_LOGGING__PRETTY: 'false',
            CODEXION_DATABASE__DATA_DIR: 'memory://',
          },
          signals,
          ...(seed === undefined ? {} : { seed }),
        },
        out,
      );
      let url: string | undefined;
      while (url === undefined) {
        if (out.errors.length > 0) throw new Error(out.errors.join('\n'));
        url = /listening on (http:\/\/\S+)/.exec(out.lines.join('\n'))?.[1];
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const accounts = (await (await fetch(`${url}/api/sales/accounts`)).json()) as { items: unknown[] };
      signals.emit('SIGTERM', 'SIGTERM');
      expect(await exit).toBe(0);
      return { items: accounts.items, lines: out.lines };
    };
    const seeded = await accountsServed(undefined);
    expect(seeded.items).toHaveLength(2);
    expect(seeded.lines).toContain('  seeded demo data for tenant 00000000-0000-4000-8000-000000000001');
    expect((await accountsServed(false)).items).toEqual([]);
    const usage = memoryOutput();
    expect(await main(['serve', '--app', 'nope', '--no-seed', '--root', root], usage)).toBe(2);
    expect(usage.errors[0]).toBe('no app named "nope" (looked for <dir>/nope/core/app.json)');
  }, 60_000);

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
