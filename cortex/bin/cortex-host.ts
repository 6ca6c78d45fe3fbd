import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebUi } from '@codexion/cli/build-web-ui';
import {
  besideData,
  ensureDemoLogin,
  hostConfig,
  localSigningKey,
  type OwnerLogin,
} from '@codexion/cli/local-host';
import type { Database } from '@codexion/framework/data';
import {
  type ConfigInput,
  developmentTenantId,
  loadConfig,
  type OidcProviderConfig,
} from '@codexion/framework/foundation';
import { type BootReport, createKernel, type Kernel } from '@codexion/framework/kernel';
import { findAppPlugins } from './host/app-plugins.js';
import { createCortexPlugin } from './plugin.js';

/** The folder of `@codexion/cortex` (holding `core/`, `bin/`, `src/`). */
export const cortexDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The tenant the first run seeds with every app's demo data ("Acme (demo)"). */
export const demoTenantId = developmentTenantId;

/**
 * The folders the shell's app registry globs (`apps/<name>/src/module.tsx` beside Cortex): an app added
 * or removed, or one gaining its `src/`, changes one of their times and rebuilds the shell.
 */
async function globbedFolders(): Promise<string[]> {
  const apps = join(cortexDir, '..', 'apps');
  const entries = await readdir(apps, { withFileTypes: true }).catch(() => []);
  return [apps, ...entries.filter((entry) => entry.isDirectory()).map((entry) => join(apps, entry.name))];
}

/** A step of the start, for progress output. */
export type HostStep =
  | { step: 'apps'; apps: string[] }
  | { step: 'ui-building' }
  | { step: 'ui'; built: boolean; durationMs: number; dir: string }
  | { step: 'ui-skipped'; reason: string }
  | { step: 'booting'; database: string }
  | { step: 'boot'; report: BootReport }
  | { step: 'owner'; created: boolean }
  | { step: 'listening'; url: string };

export interface StartCortexOptions {
  /** the workspace root: `apps/*`, `config/`, `.codexion/`; the repository's unless given */
  root?: string;
  /** `http.port` of the config unless given; 0 picks a free port */
  port?: number;
  host?: string;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** PostgreSQL instead of the embedded PGlite (what `DATABASE_URL` does) */
  databaseUrl?: string;
  /** PGlite's folder (`database.dataDir`, relative to the root), or `memory://` */
  dataDir?: string;
  /** build and serve the shell (`src/index.html`); on unless false, skipped when the shell is missing */
  ui?: boolean;
  /**
   * the demo: seed the demo tenant with each app's data on first boot, and make its owner; on
   * unless the environment is production
   */
  seed?: boolean;
  /** only these apps of `apps/*` (by name); all unless given */
  apps?: readonly string[];
  /** OpenID Connect providers for single sign-on (`auth.oidc.providers`) */
  oidcProviders?: Record<string, OidcProviderConfig>;
  /** a database to use instead of the one the config names (tests: `createTestDatabase`); the kernel closes it */
  database?: Database;
  /** where the kernel's log goes; stdout unless given */
  logDestination?: NodeJS.WritableStream;
  /** config over everything else (tests, embedding) */
  overrides?: ConfigInput;
  /** the clock of Cortex's actions (invitation expiry, uptime); tests move it */
  now?: () => Date;
  /** called after each step */
  onStep?: (step: HostStep) => void;
}

export interface RunningCortex {
  /** `http://host:port`, without a trailing slash */
  url: string;
  kernel: Kernel;
  report: BootReport;
  /** how to sign in to the demo: made on the first run, read back from the login file later */
  ownerLogin?: OwnerLogin;
  /** whether this run made the demo owner (a first run) */
  firstRun: boolean;
  /** where the login is saved (`<dataDir>/../cortex-login.json`); absent in memory */
  loginFile?: string;
  close(): Promise<void>;
}

/**
 * Starts Cortex: finds the apps under `apps/*`, builds the shell (when stale), boots one kernel
 * with Cortex's plugin and every app's (migrations, and on the first run the demo tenant seeded
 * with each app's data plus its owner account), and serves API, docs and shell on one port.
 * Signing in is required: there is no trusted context.
 *
 * @example
 * const cortex = await startCortex({ port: 0, dataDir: 'memory://', ui: false });
 * console.log(cortex.url, cortex.ownerLogin); // http://127.0.0.1:41234 { email: 'owner@acme.example', password: '…' }
 * await cortex.close();
 */
export async function startCortex(options: StartCortexOptions = {}): Promise<RunningCortex> {
  const root = resolve(options.root ?? join(cortexDir, '..'));
  // a copy: nothing that changes process.env later (a build, a library) reaches the kernel
  const vars = { ...(options.env ?? process.env) };
  const step = options.onStep ?? (() => {});

  // the config decides the environment, the port and where the data lives: read it once up front
  const probe = await loadConfig({
    root,
    env: vars,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const env = probe.config.env;
  const seed = options.seed ?? env !== 'production';
  const port = options.port ?? probe.config.http.port;
  const dataDir = options.dataDir ?? probe.config.database.dataDir;
  // the local console keeps its token key beside its data, so a restart keeps everyone signed in
  const signingKey = await localSigningKey(
    { env, jwt: probe.config.auth.jwt },
    besideData(root, dataDir, 'cortex-jwt-key.pem', options.database !== undefined),
  );
  const overrides = hostConfig(options, { env, port, seed, signingKey, demoTenantId }, vars);

  const apps = await findAppPlugins(root, options.apps);
  step({ step: 'apps', apps: apps.map((a) => a.location.name) });

  let staticDir: string | undefined;
  if (options.ui === false) step({ step: 'ui-skipped', reason: 'ui: false' });
  else if (!existsSync(join(cortexDir, 'src', 'index.html'))) {
    step({ step: 'ui-skipped', reason: 'cortex/src/index.html does not exist' });
  } else {
    step({ step: 'ui-building' });
    const web = await buildWebUi({ appDir: cortexDir, root, inputs: await globbedFolders() });
    if (web) {
      staticDir = web.dir;
      step({ step: 'ui', built: web.built, durationMs: web.durationMs, dir: web.dir });
    }
  }

  const cortex = createCortexPlugin({
    ...(options.now ? { now: options.now } : {}),
    // asked only while serving requests, once the kernel exists
    kernelState: () => kernel.state,
  });
  const kernel: Kernel = createKernel({
    root,
    plugins: [cortex, ...apps.map((a) => a.plugin)],
    env: vars,
    overrides,
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.database ? { database: options.database } : {}),
    ...(staticDir === undefined ? {} : { staticUi: { dir: staticDir } }),
  });
  try {
    step({
      step: 'booting',
      database:
        options.database !== undefined
          ? `given (${options.database.kind})`
          : (options.databaseUrl ?? probe.config.database.url) !== undefined
            ? 'postgres'
            : `pglite ${dataDir}`,
    });
    const report = await kernel.boot({ seed });
    step({ step: 'boot', report });

    // a given database is not the data folder's: nothing to keep beside it
    const loginFile = besideData(
      root,
      kernel.config.database.dataDir,
      'cortex-login.json',
      options.database !== undefined,
    );
    let ownerLogin: OwnerLogin | undefined;
    let firstRun = false;
    if (seed) {
      const demo = await ensureDemoLogin(kernel, {
        demoTenantId,
        database: report.database,
        loginFile,
        host: 'Cortex',
      });
      firstRun = demo.firstRun;
      ownerLogin = demo.ownerLogin;
      step({ step: 'owner', created: firstRun });
    }

    const server = await kernel.listen({
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.host === undefined ? {} : { host: options.host }),
    });
    const url = server.url.replace(/\/$/, '');
    step({ step: 'listening', url });
    return {
      url,
      kernel,
      report,
      firstRun,
      ...(ownerLogin === undefined ? {} : { ownerLogin }),
      ...(loginFile === undefined ? {} : { loginFile }),
      close: () => kernel.shutdown('closed'),
    };
  } catch (error) {
    await kernel.shutdown('start failed').catch(() => undefined);
    throw error;
  }
}
