import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { memoryOutput, serveCommand } from '@codexion/cli';

/** The workspace root, two folders up from here. */
export const workspaceRoot = resolve(import.meta.dirname, '../..');

export interface RunningCrm {
  /** `http://127.0.0.1:<port>`: the UI at `/`, the API under `/api/crm` */
  url: string;
  /** the demo owner's login, as `prefiq serve` printed it (`sign in as … / …`) */
  owner: { email: string; password: string };
  /** what `prefiq serve` printed (the UI build line, the URL, the login) */
  lines: string[];
  stop(): Promise<void>;
}

/**
 * The standalone CRM as `npx nx serve app-crm` runs it — `prefiq serve --app crm`: its web UI built
 * when stale and served beside the API on one port, signing in required, the demo owner made and
 * its login printed — on a free port, with PGlite in memory, the demo data seeded and no rate
 * limit on `/api/auth` (the suites sign in often from one address). `stop()` sends the SIGTERM a
 * terminal would.
 *
 * @example
 * const crm = await startCrm(); await page.goto(crm.url); await crm.stop();
 */
export async function startCrm({ timeoutMs = 120_000 } = {}): Promise<RunningCrm> {
  const signals = new EventEmitter();
  const out = memoryOutput();
  const exit = serveCommand(
    {
      root: workspaceRoot,
      app: 'crm',
      port: 0,
      signals,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        // PGlite in memory, even where CI points DATABASE_URL at a shared PostgreSQL (empty = unset)
        DATABASE_URL: '',
        CODEXION_DATABASE__URL: '',
        CODEXION_DATABASE__DATA_DIR: 'memory://',
        CODEXION_SEED__ENABLED: 'true',
        CODEXION_AUTH__RATE_LIMIT__ENABLED: 'false',
        CODEXION_LOGGING__LEVEL: 'warn',
        CODEXION_LOGGING__PRETTY: 'false',
      },
    },
    out,
  );
  const started = Date.now();
  let url: string | undefined;
  while (url === undefined) {
    if (out.errors.length > 0) throw new Error(`prefiq serve --app crm failed:\n${out.errors.join('\n')}`);
    if (Date.now() - started > timeoutMs) throw new Error(`the CRM did not start within ${timeoutMs} ms`);
    url = /listening on (http:\/\/\S+)/.exec(out.lines.join('\n'))?.[1];
    await new Promise((done) => setTimeout(done, 50));
  }
  const login = /sign in as (\S+) \/ (\S+)/.exec(out.lines.join('\n'));
  if (!login?.[1] || !login[2]) {
    signals.emit('SIGTERM', 'SIGTERM');
    await exit;
    throw new Error(`prefiq serve --app crm printed no login:\n${out.lines.join('\n')}`);
  }
  return {
    url,
    owner: { email: login[1], password: login[2] },
    lines: out.lines,
    async stop() {
      signals.emit('SIGTERM', 'SIGTERM');
      await exit;
    },
  };
}
